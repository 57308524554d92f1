using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// Picks the separator from the header line, the one line every export has: the comma,
/// semicolon or tab that occurs most often there outside quotes. Header names rarely contain
/// any of them, data lines often do (LibraryThing's subjects hold '|', titles hold commas).
/// </summary>
internal static class SeparatorDetector
{
    /// <summary>The separator, or null when the file starts with Excel's "sep=X" line, which the CSV reader reads itself.</summary>
    public static char? Detect(string start)
    {
        var header = FirstLine(start.TrimStart('\uFEFF'));
        if (header.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && header.Length == 5)
        {
            return null;
        }

        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in header)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case ',' when !quoted:
                    commas++;
                    break;
                case ';' when !quoted:
                    semicolons++;
                    break;
                case '\t' when !quoted:
                    tabs++;
                    break;
            }
        }

        if (tabs > commas && tabs >= semicolons)
        {
            return '\t';
        }

        return semicolons > commas ? ';' : ',';
    }

    /// <summary>Text up to the first line break outside quotes.</summary>
    private static string FirstLine(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                return text[..i];
            }
        }

        return text;
    }

    /// <summary>Decodes the start of a file for <see cref="Detect"/>; a character cut in half at the end does no harm.</summary>
    public static string Decode(ReadOnlySpan<byte> prefix, Encoding? encoding)
    {
        if (encoding is null)
        {
            if (prefix.StartsWith(Encoding.Unicode.Preamble))
            {
                encoding = Encoding.Unicode;
            }
            else if (prefix.StartsWith(Encoding.BigEndianUnicode.Preamble))
            {
                encoding = Encoding.BigEndianUnicode;
            }
            else
            {
                encoding = Encoding.UTF8;
            }
        }

        return encoding.GetString(prefix);
    }
}
