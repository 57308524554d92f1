namespace Shelf.Core.Features.Importing;

/// <summary>
/// Passes a stream through and remembers its last two bytes, so that at the end of a file the
/// import knows whether the last record ended with a line break (a finished row) or mid-line (a
/// file cut short). Two bytes cover UTF-16, where a line feed is <c>0A 00</c> or <c>00 0A</c>.
/// </summary>
internal sealed class TailWatchingStream(Stream inner) : ForwardOnlyStream
{
    private byte _last;
    private byte _beforeLast;
    private long _seen;

    /// <summary>Whether the bytes read so far end with a line feed or carriage return (true for an empty stream).</summary>
    public bool EndsWithLineBreak => _seen == 0 || _last is (byte)'\n' or (byte)'\r' || (_last == 0 && _beforeLast is (byte)'\n' or (byte)'\r');

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Watch(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Watch(buffer.Span[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private void Watch(ReadOnlySpan<byte> read)
    {
        if (read.Length == 0)
        {
            return;
        }

        _beforeLast = read.Length >= 2 ? read[^2] : _last;
        _last = read[^1];
        _seen += read.Length;
    }
}
