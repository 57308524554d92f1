namespace Shelf.Core.Features.Backup;

/// <summary>
/// Reads a table entry line by line as UTF-8 bytes, without decoding to strings first. A line
/// longer than <see cref="MaxLine"/> is refused: no real row comes near it, and a damaged or
/// hostile archive must not make a restore hold a whole entry in memory.
/// </summary>
internal sealed class ArchiveLines(Stream stream)
{
    /// <summary>The longest row a backup may hold (a book with a very long review is a few hundred kilobytes).</summary>
    public const int MaxLine = 64 * 1024 * 1024;

    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _ended;

    /// <summary>The next line without its newline; false at the end of the entry.</summary>
    /// <exception cref="InvalidDataException">A line is longer than <see cref="MaxLine"/>.</exception>
    public async ValueTask<(bool Read, ReadOnlyMemory<byte> Line)> NextAsync(CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, searched + newline);
                _start += searched + newline + 1;
                return (true, line);
            }

            searched = _end - _start;
            if (_ended)
            {
                if (searched == 0)
                {
                    return (false, default);
                }

                var last = _buffer.AsMemory(_start, searched);
                _start = _end;
                return (true, last);
            }

            if (searched > MaxLine)
            {
                throw new InvalidDataException($"a row is longer than {MaxLine / (1024 * 1024)} MiB");
            }

            Compact();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            _ended = read == 0;
            _end += read;
        }
    }

    // Moves the unread bytes to the front, growing the buffer when a line fills it.
    private void Compact()
    {
        var unread = _end - _start;
        if (unread == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
        }

        _start = 0;
        _end = unread;
    }
}
