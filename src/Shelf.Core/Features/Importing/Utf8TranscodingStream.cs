using System.Text;
using System.Text.Unicode;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// A file in another encoding than UTF-8 (a code page, UTF-16, UTF-8 with stray bytes) handed to
/// the CSV reader as UTF-8, a block of whole lines at a time. Each block is checked to encode back
/// to the file's bytes; the lines of a block that does not are kept in <see cref="SourceBytes"/>
/// as the file has them, so a rejects file holds the file's own bytes and not a re-encoding.
/// Decoding whole lines needs no state across blocks: in every encoding Shelf reads, a line break
/// is a character of its own that no other character's bytes contain.
/// </summary>
internal sealed class Utf8TranscodingStream : ForwardOnlyStream
{
    private const int BlockSize = 64 << 10;

    // A line longer than this is decoded as it is: the CSV reader refuses such a record anyway.
    private const int MaxBlock = ImportInput.MaxRecordBytes + BlockSize;

    private readonly Stream _inner;
    private readonly Encoding _encoding;
    private readonly SourceBytes _original;
    private readonly bool _utf8Lines;
    private readonly byte[] _lineFeed;
    private readonly byte[] _carriageReturn;

    private byte[] _source = new byte[BlockSize];
    private int _sourceLength;
    private bool _ended;

    private byte[] _output = [];
    private int _outputStart;
    private int _outputEnd;

    // Where _output[0] is in the UTF-8 handed out.
    private long _outputOffset;

    public Utf8TranscodingStream(Stream inner, Encoding encoding, SourceBytes original)
    {
        _inner = inner;
        _encoding = encoding;
        _original = original;
        _utf8Lines = encoding is Utf8WithStrayBytes;
        _lineFeed = encoding.GetBytes("\n");
        _carriageReturn = encoding.GetBytes("\r");
    }

    private int Width => _lineFeed.Length;

    public override int Read(Span<byte> buffer)
    {
        while (_outputStart == _outputEnd && !(_ended && _sourceLength == 0))
        {
            if (!Convert())
            {
                Fill(_inner.Read(_source.AsSpan(Room())));
            }
        }

        return Copy(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_outputStart == _outputEnd && !(_ended && _sourceLength == 0))
        {
            if (!Convert())
            {
                Fill(await _inner.ReadAsync(_source.AsMemory(Room()), cancellationToken));
            }
        }

        return Copy(buffer.Span);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private int Copy(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _outputEnd - _outputStart);
        _output.AsSpan(_outputStart, n).CopyTo(buffer);
        _outputStart += n;
        return n;
    }

    /// <summary>Where the next bytes of the file go; the buffer grows while it holds part of one line.</summary>
    private int Room()
    {
        if (_sourceLength == _source.Length)
        {
            Array.Resize(ref _source, Math.Min(_source.Length * 2, MaxBlock));
        }

        return _sourceLength;
    }

    private void Fill(int read)
    {
        _sourceLength += read;
        _ended = read == 0;
    }

    /// <summary>Decodes the whole lines read so far; false when more of the file is needed first.</summary>
    private bool Convert()
    {
        var cut = _ended || _sourceLength >= MaxBlock ? _sourceLength : AfterLastLineBreak();
        if (cut <= 0)
        {
            return false;
        }

        var block = _source.AsSpan(0, cut);
        _outputOffset += _outputEnd;
        _outputStart = 0;
        _outputEnd = 0;
        if (_utf8Lines && Utf8.IsValid(block))
        {
            Put(block);
        }
        else if (!_utf8Lines && RoundTrips(block, out var utf8))
        {
            Put(utf8);
        }
        else
        {
            PutLineByLine(block);
        }

        _source.AsSpan(cut, _sourceLength - cut).CopyTo(_source);
        _sourceLength -= cut;
        return true;
    }

    private bool RoundTrips(ReadOnlySpan<byte> block, out byte[] utf8)
    {
        var chars = _encoding.GetChars(block.ToArray());
        utf8 = Encoding.UTF8.GetBytes(chars);
        return _encoding.GetBytes(chars).AsSpan().SequenceEqual(block);
    }

    private void PutLineByLine(ReadOnlySpan<byte> block)
    {
        var start = 0;
        while (start < block.Length)
        {
            var length = LineLength(block[start..]);
            var line = block.Slice(start, length);
            var chars = _encoding.GetChars(line.ToArray());
            var utf8 = Encoding.UTF8.GetBytes(chars);
            var same = _utf8Lines ? Utf8.IsValid(line) : _encoding.GetBytes(chars).AsSpan().SequenceEqual(line);
            if (!same)
            {
                _original.KeepLine(_outputOffset + _outputEnd, utf8.Length, line.ToArray(), EndsWithLineBreak(line) ? Width : 0);
            }

            Put(utf8);
            start += length;
        }
    }

    private void Put(ReadOnlySpan<byte> utf8)
    {
        if (_output.Length < _outputEnd + utf8.Length)
        {
            Array.Resize(ref _output, Math.Max(_outputEnd + utf8.Length, _output.Length * 2));
        }

        utf8.CopyTo(_output.AsSpan(_outputEnd));
        _outputEnd += utf8.Length;
    }

    /// <summary>The length of the first line of <paramref name="text"/>, its line break included.</summary>
    private int LineLength(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i + Width <= text.Length; i += Width)
        {
            if (IsLineBreak(text.Slice(i, Width)))
            {
                return i + Width;
            }
        }

        return text.Length;
    }

    /// <summary>Where the bytes after the last line break of what was read start; 0 when there is none yet.</summary>
    private int AfterLastLineBreak()
    {
        if (Width == 1)
        {
            return _source.AsSpan(0, _sourceLength).LastIndexOfAny(_lineFeed[0], _carriageReturn[0]) + 1;
        }

        for (var i = (_sourceLength / Width * Width) - Width; i >= 0; i -= Width)
        {
            if (IsLineBreak(_source.AsSpan(i, Width)))
            {
                return i + Width;
            }
        }

        return 0;
    }

    private bool EndsWithLineBreak(ReadOnlySpan<byte> line) => line.Length >= Width && IsLineBreak(line[^Width..]);

    private bool IsLineBreak(ReadOnlySpan<byte> unit) => unit.SequenceEqual(_lineFeed) || unit.SequenceEqual(_carriageReturn);
}
