using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// The header line as the file wrote it (its byte order mark in front) and the line break the
/// file uses, found in the bytes of the file's start: a rejects file begins with them, so that
/// when every row is rejected it is the file again.
/// </summary>
internal static class HeaderLineBytes
{
    /// <summary>The header and line break, or null when the header does not end within <paramref name="start"/>.</summary>
    /// <param name="start">The first bytes of the file.</param>
    /// <param name="headerAt">Where the header starts in them (after lines skipped before it).</param>
    /// <param name="encoding">The file's encoding.</param>
    public static (byte[] Header, byte[] LineBreak)? Find(ReadOnlySpan<byte> start, int headerAt, Encoding encoding)
    {
        var mark = Mark(start);
        var lineFeed = encoding.GetBytes("\n");
        var carriageReturn = encoding.GetBytes("\r");
        var quote = encoding.GetBytes("\"");
        var width = lineFeed.Length;
        var from = Math.Max(headerAt, mark.Length);
        var quoted = false;
        for (var i = from; i + width <= start.Length; i += width)
        {
            var unit = start.Slice(i, width);
            if (unit.SequenceEqual(quote))
            {
                quoted = !quoted;
                continue;
            }

            if (quoted || !(unit.SequenceEqual(lineFeed) || unit.SequenceEqual(carriageReturn)))
            {
                continue;
            }

            var lineBreak = unit.SequenceEqual(carriageReturn) && start[(i + width)..].StartsWith(lineFeed)
                ? [.. carriageReturn, .. lineFeed]
                : unit.ToArray();
            return ([.. mark, .. start[from..i]], lineBreak);
        }

        return null;
    }

    /// <summary>The byte order mark the file starts with, if any.</summary>
    public static ReadOnlySpan<byte> Mark(ReadOnlySpan<byte> start) =>
        start.StartsWith(Encoding.UTF8.Preamble) ? start[..3]
        : start.StartsWith(Encoding.Unicode.Preamble) || start.StartsWith(Encoding.BigEndianUnicode.Preamble) ? start[..2]
        : [];
}
