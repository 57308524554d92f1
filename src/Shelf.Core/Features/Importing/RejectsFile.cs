using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// Writes rejected rows as the file had them, in the file's own encoding (the reader hands them
/// over as UTF-8; a Windows-1252, Shift_JIS or UTF-16 file gets its own bytes back), under the
/// file's header, so a user can fix them and import the rejects file on its own. Catalog and
/// sales imports write theirs here.
/// </summary>
internal sealed class RejectsFile(Stream output, IReadOnlyList<string> header, char separator, Encoding? original = null)
{
    private readonly Encoding? _original = original is null || original.CodePage == Encoding.UTF8.CodePage ? null : original;
    private bool _started;

    public void Write(ReadOnlySpan<byte> rawRecord)
    {
        Start();
        output.Write(_original is null ? rawRecord : _original.GetBytes(Encoding.UTF8.GetString(rawRecord)));
        output.Write(Bytes("\n"));
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
        output.Write(_original?.GetPreamble() ?? []);
        output.Write(Bytes(HeaderLine(header, separator)));
        output.Write(Bytes("\n"));
    }

    private byte[] Bytes(string text) => (_original ?? Encoding.UTF8).GetBytes(text);

    /// <summary>The header as a CSV line in the file's separator, quoted where needed.</summary>
    public static string HeaderLine(IReadOnlyList<string> header, char separator) => string.Join(separator, header.Select(name =>
        name.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name));
}
