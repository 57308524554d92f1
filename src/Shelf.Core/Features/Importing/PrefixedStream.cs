namespace Shelf.Core.Features.Importing;

/// <summary>
/// A stream that cannot seek (a pipe) after its first bytes were read to detect the encoding:
/// gives those bytes back first, then the rest.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int length, Stream rest) : ForwardOnlyStream
{
    /// <summary>
    /// The whole of <paramref name="input"/> again after its first <paramref name="length"/> bytes
    /// were read into <paramref name="prefix"/>: rewound when it can seek, else those bytes put in
    /// front of the rest (a pipe).
    /// </summary>
    public static Stream Rewind(Stream input, byte[] prefix, int length)
    {
        if (!input.CanSeek)
        {
            return new PrefixedStream(prefix, length, input);
        }

        input.Position = 0;
        return input;
    }

    private int _position;

    public override int Read(Span<byte> buffer)
    {
        if (_position < length)
        {
            var n = Math.Min(buffer.Length, length - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return rest.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < length)
        {
            return Read(buffer.Span);
        }

        return await rest.ReadAsync(buffer, cancellationToken);
    }
}
