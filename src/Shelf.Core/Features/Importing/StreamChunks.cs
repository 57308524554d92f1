using System.Buffers;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// Reads a seekable stream a megabyte at a time for a scan that must see whole UTF-8 sequences,
/// then puts the stream back where it was.
/// </summary>
internal static class StreamChunks
{
    private const int ChunkSize = 1 << 20;

    /// <summary>
    /// What a scan does with one chunk: returns how many bytes it used (an incomplete sequence at
    /// the end goes on with the next chunk), or -1 to stop early.
    /// </summary>
    public delegate int Scanner(ReadOnlySpan<byte> bytes, bool final);

    /// <summary>Scans to the end, or until <paramref name="scan"/> stops; false when it stopped early.</summary>
    public static bool Scan(Stream stream, Scanner scan)
    {
        var start = stream.Position;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + 4);
        try
        {
            var carried = 0;
            while (true)
            {
                var read = stream.Read(buffer, carried, ChunkSize);
                var length = carried + read;
                var consumed = scan(buffer.AsSpan(0, length), final: read == 0);
                if (consumed < 0)
                {
                    return false;
                }

                if (read == 0)
                {
                    return true;
                }

                carried = length - consumed;
                buffer.AsSpan(consumed, carried).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            stream.Position = start;
        }
    }
}
