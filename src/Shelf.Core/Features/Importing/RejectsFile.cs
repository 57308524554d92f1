using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// Writes rejected rows as the file had them (in UTF-8), under the file's header, so a user can
/// fix them and import the rejects file on its own. Catalog and sales imports write theirs here.
/// </summary>
internal sealed class RejectsFile(Stream output, IReadOnlyList<string> header, char separator)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private bool _started;

    public void Write(ReadOnlySpan<byte> rawRecord)
    {
        Start();
        output.Write(rawRecord);
        output.Write(NewLine);
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
        output.Write(Encoding.UTF8.GetBytes(HeaderLine(header, separator)));
        output.Write(NewLine);
    }

    /// <summary>The header as a CSV line in the file's separator, quoted where needed.</summary>
    public static string HeaderLine(IReadOnlyList<string> header, char separator) => string.Join(separator, header.Select(name =>
        name.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name));
}
