using System.Text;

namespace Shelf.Core.Features.Catalog;

/// <summary>
/// Writes rejected rows as the file had them (in UTF-8), under the file's header, so a user can
/// fix them and import the rejects file on its own.
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
        var line = string.Join(separator, header.Select(Quote));
        output.Write(Encoding.UTF8.GetBytes(line));
        output.Write(NewLine);
    }

    private string Quote(string name) =>
        name.Contains(separator, StringComparison.Ordinal) || name.Contains('"', StringComparison.Ordinal) || name.Contains('\n', StringComparison.Ordinal) || name.Contains('\r', StringComparison.Ordinal)
            ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : name;
}
