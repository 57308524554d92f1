using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// Writes rejected rows as the file had them, byte for byte (<see cref="ImportInput.RecordBytes"/>),
/// under the file's own header line and with its line breaks, so a user can fix them and import
/// the rejects file on its own. Catalog and sales imports write theirs here.
/// </summary>
internal sealed class RejectsFile(Stream output, byte[] header, byte[] lineBreak)
{
    private bool _started;

    /// <summary>A rejects file in UTF-8 under a header written from <paramref name="names"/> (an input that is not CSV, such as Shelf's JSON).</summary>
    public static RejectsFile Utf8(Stream output, IReadOnlyList<string> names, char separator) =>
        new(output, Encoding.UTF8.GetBytes(HeaderLine(names, separator)), "\n"u8.ToArray());

    public void Write(ReadOnlySpan<byte> record)
    {
        Start();
        output.Write(record);
        output.Write(lineBreak);
    }

    /// <summary>Writes the header even when no row was rejected: an empty rejects file says "nothing to fix".</summary>
    public void Finish()
    {
        Start();
        output.Flush();
    }

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        output.Write(header);
        output.Write(lineBreak);
    }

    /// <summary>The header as a CSV line in the file's separator, quoted where needed.</summary>
    public static string HeaderLine(IReadOnlyList<string> header, char separator) => string.Join(separator, header.Select(name =>
        name.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name));
}
