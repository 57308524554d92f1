namespace Shelf.Core.Features.Importing;

/// <summary>
/// Files that escape a quote inside a quoted field with a backslash (<c>"The \"Real\" Story"</c>),
/// as MySQL dumps such as Book-Crossing's <c>BX-Books.csv</c> do, instead of doubling it as CSV
/// does. Told from the start of the file: a <c>\"</c> inside a field and never a doubled quote.
/// </summary>
internal static class BackslashQuotes
{
    public static bool Used(string start, char separator)
    {
        var escaped = false;
        for (var i = 1; i < start.Length - 1; i++)
        {
            if (start[i] != '"')
            {
                continue;
            }

            var before = start[i - 1];
            var after = start[i + 1];
            if (before == '"' && !IsBoundary(start, i - 2, separator) && after != separator && after is not '\r' and not '\n')
            {
                // A doubled quote inside a field: the file escapes the CSV way.
                return false;
            }

            // A backslash quote that does not end its field ("C:\dir\" may be a path).
            escaped |= before == '\\' && after != separator && after is not '\r' and not '\n';
        }

        return escaped;
    }

    private static bool IsBoundary(string text, int index, char separator) =>
        index < 0 || text[index] == separator || text[index] is '\r' or '\n';
}

/// <summary>
/// Turns each backslash-escaped quote into the doubled quote CSV readers understand. Both are two
/// bytes, so positions and sizes stay those of the file; each backslash turned is noted in
/// <paramref name="original"/>, so a rejected row is written back with it. Reads UTF-8 (a file
/// in another encoding is transcoded first), where '\' and '"' are those bytes wherever they occur.
/// </summary>
internal sealed class BackslashQuoteStream(Stream inner, SourceBytes original) : ForwardOnlyStream
{
    private const byte Backslash = (byte)'\\';
    private const byte Quote = (byte)'"';

    private readonly byte[] _buffer = new byte[64 << 10];
    private int _start;
    private int _end;
    private bool _ended;

    // Where _buffer[0] is in what this stream hands out.
    private long _offset;

    // A backslash that ended the last block: whether it escapes a quote shows with the next byte.
    private bool _held;

    public override int Read(Span<byte> buffer)
    {
        while (_start == _end && !_ended)
        {
            Fill(inner.Read(_buffer.AsSpan(Begin())));
        }

        return Copy(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_start == _end && !_ended)
        {
            Fill(await inner.ReadAsync(_buffer.AsMemory(Begin()), cancellationToken));
        }

        return Copy(buffer.Span);
    }

    private int Copy(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _end - _start);
        _buffer.AsSpan(_start, n).CopyTo(buffer);
        _start += n;
        return n;
    }

    /// <summary>Starts a new block (the last one is all handed out); returns where the bytes read go.</summary>
    private int Begin()
    {
        _offset += _end;
        _start = 0;
        _end = 0;
        if (_held)
        {
            _buffer[0] = Backslash;
            _end = 1;
        }

        return _end;
    }

    private void Fill(int read)
    {
        var length = _end + read;
        _held = false;
        if (read == 0)
        {
            // The end of the file: a held backslash is just a backslash.
            _ended = true;
            _end = length;
            return;
        }

        var span = _buffer.AsSpan(0, length);
        for (var i = span.IndexOf(Backslash); i >= 0 && i < length - 1; i = span[(i + 1)..].IndexOf(Backslash) is var next and >= 0 ? i + 1 + next : -1)
        {
            if (span[i + 1] == Quote)
            {
                span[i] = Quote;
                original.KeepBackslash(_offset + i);
            }
        }

        _held = span[^1] == Backslash;
        _end = _held ? length - 1 : length;
    }
}
