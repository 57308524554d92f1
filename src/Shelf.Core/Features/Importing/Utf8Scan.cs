using System.Buffers;
using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// How much of a file that is not valid UTF-8 still is: its valid multi-byte sequences, its
/// invalid bytes and the lines they are on. A file with far more of the first is UTF-8 with a few
/// stray bytes; one with none is in a legacy encoding.
/// </summary>
internal sealed class Utf8Scan
{
    private const int MaxLines = 10;

    private long _line = 1;

    /// <summary>Valid sequences of two to four bytes (non-ASCII characters).</summary>
    public long Valid { get; private set; }

    /// <summary>Bytes that belong to no valid sequence.</summary>
    public long Invalid { get; private set; }

    /// <summary>The first lines holding invalid bytes.</summary>
    public List<long> Lines { get; } = [];

    /// <summary>More lines hold invalid bytes than <see cref="Lines"/> lists.</summary>
    public bool MoreLines { get; private set; }

    public static Utf8Scan Of(ReadOnlySpan<byte> bytes)
    {
        var scan = new Utf8Scan();
        scan.Feed(bytes, final: false);
        return scan;
    }

    /// <summary>Scans the whole stream and puts it back where it was.</summary>
    public static Utf8Scan Of(Stream stream)
    {
        var scan = new Utf8Scan();
        StreamChunks.Scan(stream, scan.Feed);
        return scan;
    }

    // Returns how many bytes were used; an incomplete sequence at the end waits for the next chunk.
    private int Feed(ReadOnlySpan<byte> bytes, bool final)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                _line += b == '\n' ? 1 : 0;
                i++;
                continue;
            }

            var status = Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status == OperationStatus.NeedMoreData && !final)
            {
                return i;
            }

            if (status == OperationStatus.Done)
            {
                Valid++;
            }
            else
            {
                Invalid += consumed;
                Note(_line);
            }

            i += Math.Max(1, consumed);
        }

        return i;
    }

    private void Note(long line)
    {
        if (Lines.Count > 0 && Lines[^1] == line)
        {
            return;
        }

        if (Lines.Count < MaxLines)
        {
            Lines.Add(line);
        }
        else
        {
            MoreLines = true;
        }
    }
}
