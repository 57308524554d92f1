using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// Gives a record back as the file had it, byte for byte, from the UTF-8 the CSV reader saw. The
/// streams in front of the reader note the few places where that UTF-8 does not lead back to the
/// file's bytes: lines re-encoding would not restore (<see cref="Utf8TranscodingStream"/>: stray
/// bytes in UTF-8, bytes a code page maps to the same character as others) and backslash quotes
/// turned into doubled ones (<see cref="BackslashQuoteStream"/>). Everything else is the UTF-8
/// encoded back in the file's encoding, which was checked to give the same bytes when it was read.
/// Offsets are those of the reader's input; what records already read needed is forgotten, so
/// memory holds only what the reader has read ahead.
/// </summary>
internal sealed class SourceBytes
{
    private readonly Encoding? _encoding;
    private readonly bool _utf8Lines;
    private readonly List<KeptLine> _lines = [];
    private readonly List<long> _backslashes = [];
    private int _firstLine;
    private int _firstBackslash;

    /// <param name="encoding">
    /// The file's encoding when the reader is handed its text transcoded to UTF-8, or null when
    /// the reader reads the file's own bytes (UTF-8).
    /// </param>
    public SourceBytes(Encoding? encoding)
    {
        _encoding = encoding;

        // In UTF-8 with stray bytes every line without one is the file's own bytes already.
        _utf8Lines = encoding is Utf8WithStrayBytes;
    }

    /// <summary>A line of the file (with its line break) whose bytes the UTF-8 it was read as does not give back.</summary>
    /// <param name="start">Where the line's UTF-8 starts in the reader's input.</param>
    /// <param name="length">Its UTF-8 length, line break included.</param>
    /// <param name="source">The line as the file has it.</param>
    /// <param name="lineBreakBytes">How many of <paramref name="source"/>'s last bytes are its line break (0 for a last line without one).</param>
    public void KeepLine(long start, int length, byte[] source, int lineBreakBytes) =>
        _lines.Add(new KeptLine(start, length, source, lineBreakBytes));

    /// <summary>A backslash at <paramref name="offset"/> the reader sees as a quote.</summary>
    public void KeepBackslash(long offset) => _backslashes.Add(offset);

    /// <summary>Drops what only records before <paramref name="offset"/> needed.</summary>
    public void Forget(long offset)
    {
        while (_firstLine < _lines.Count && _lines[_firstLine].End <= offset)
        {
            _firstLine++;
        }

        while (_firstBackslash < _backslashes.Count && _backslashes[_firstBackslash] < offset)
        {
            _firstBackslash++;
        }

        Compact(_lines, ref _firstLine);
        Compact(_backslashes, ref _firstBackslash);
    }

    /// <summary>
    /// The file's bytes of the record the reader read at <paramref name="offset"/> as <paramref name="utf8"/>
    /// (without its line break); <paramref name="utf8"/> itself when they are the same bytes.
    /// </summary>
    public byte[] Of(long offset, byte[] utf8)
    {
        var end = offset + utf8.Length;
        var restored = utf8;
        for (var i = _firstBackslash; i < _backslashes.Count && _backslashes[i] < end; i++)
        {
            if (_backslashes[i] >= offset)
            {
                restored = ReferenceEquals(restored, utf8) ? (byte[])utf8.Clone() : restored;
                restored[_backslashes[i] - offset] = (byte)'\\';
            }
        }

        if (_encoding is null)
        {
            return restored;
        }

        using var bytes = new MemoryStream(utf8.Length + 16);
        var at = offset;
        for (var i = _firstLine; i < _lines.Count && _lines[i].Start < end; i++)
        {
            var line = _lines[i];
            if (line.Start < at)
            {
                continue;
            }

            Encode(restored.AsSpan((int)(at - offset), (int)(line.Start - at)), bytes);
            if (line.End <= end)
            {
                bytes.Write(line.Source);
                at = line.End;
                continue;
            }

            // The record ends at the line's break, which the reader leaves out (one UTF-8 byte, CR or LF).
            if (line.End - end == 1 && line.LineBreakBytes > 0)
            {
                bytes.Write(line.Source.AsSpan(0, line.Source.Length - line.LineBreakBytes));
            }
            else
            {
                Encode(restored.AsSpan((int)(line.Start - offset)), bytes);
            }

            at = end;
        }

        Encode(restored.AsSpan((int)(at - offset)), bytes);
        var result = bytes.ToArray();
        return result.AsSpan().SequenceEqual(utf8) ? utf8 : result;
    }

    private void Encode(ReadOnlySpan<byte> utf8, MemoryStream into)
    {
        if (utf8.IsEmpty)
        {
            return;
        }

        if (_utf8Lines)
        {
            into.Write(utf8);
            return;
        }

        into.Write(_encoding!.GetBytes(Encoding.UTF8.GetString(utf8)));
    }

    private static void Compact<T>(List<T> list, ref int first)
    {
        if (first > 1024 && first > list.Count / 2)
        {
            list.RemoveRange(0, first);
            first = 0;
        }
    }

    private readonly record struct KeptLine(long Start, int Length, byte[] Source, int LineBreakBytes)
    {
        public long End => Start + Length;
    }
}
