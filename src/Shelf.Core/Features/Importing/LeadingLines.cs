using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// Lines before a file's header (a title, a tool's log lines) that the user says to skip: found
/// in the bytes of the file's start, so the rest is read as the file has it, in its encoding.
/// </summary>
internal static class LeadingLines
{
    /// <summary>Where line <paramref name="lines"/> + 1 starts in <paramref name="start"/>, or -1 when the start holds fewer lines.</summary>
    public static int Skip(ReadOnlySpan<byte> start, int lines, Encoding? encoding)
    {
        // UTF-16 writes a line break in two bytes; every other encoding Shelf reads writes CR and LF as those bytes alone.
        var width = encoding is UnicodeEncoding || start.StartsWith(Encoding.Unicode.Preamble) || start.StartsWith(Encoding.BigEndianUnicode.Preamble) ? 2 : 1;
        var bigEndian = width == 2 && (start.StartsWith(Encoding.BigEndianUnicode.Preamble) || encoding?.CodePage == Encoding.BigEndianUnicode.CodePage);
        var seen = 0;
        for (var i = 0; i + width <= start.Length; i += width)
        {
            var unit = Unit(start, i, width, bigEndian);
            if (unit is not '\n' and not '\r')
            {
                continue;
            }

            if (unit == '\r' && i + (2 * width) <= start.Length && Unit(start, i + width, width, bigEndian) == '\n')
            {
                i += width;
            }

            if (++seen == lines)
            {
                return i + width;
            }
        }

        return -1;
    }

    private static int Unit(ReadOnlySpan<byte> bytes, int at, int width, bool bigEndian) =>
        width == 1 ? bytes[at] : bigEndian ? (bytes[at] << 8) | bytes[at + 1] : bytes[at] | (bytes[at + 1] << 8);
}

/// <summary>A stream without its first bytes (the lines skipped before the header).</summary>
internal sealed class SkippingStream(Stream inner, int skip) : ForwardOnlyStream
{
    private int _left = skip;

    public override int Read(Span<byte> buffer)
    {
        while (_left > 0)
        {
            var n = inner.Read(buffer[..Math.Min(buffer.Length, _left)]);
            if (n == 0)
            {
                return 0;
            }

            _left -= n;
        }

        return inner.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_left > 0)
        {
            var n = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, _left)], cancellationToken);
            if (n == 0)
            {
                return 0;
            }

            _left -= n;
        }

        return await inner.ReadAsync(buffer, cancellationToken);
    }
}
