using System.Globalization;
using System.Text;
using CsvHelper;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// A delimited file opened for an import (a catalog or sales): its encoding and separator worked
/// out, its header read, and a CSV reader positioned before the first row, counting lines and
/// giving each record's bytes as the file had them for a rejects file. The reader always reads
/// UTF-8: a file in another encoding is transcoded in front of it (<see cref="Utf8TranscodingStream"/>),
/// noting in <see cref="SourceBytes"/> what a record's own bytes need. Rows stream; nothing else is kept.
/// </summary>
internal sealed class ImportInput : IAsyncDisposable
{
    /// <summary>A record larger than this is not a book: an unclosed quote that swallowed the file.</summary>
    public const int MaxRecordBytes = 64 << 20;

    private const int PrefixSize = 64 << 10;

    private readonly Dictionary<long, CsvMalformedReason> _malformed = [];
    private readonly Lock _malformedLock = new();

    private readonly TailWatchingStream _tail;
    private readonly SourceBytes _original;
    private byte[] _rejectsHeader = [];
    private byte[] _lineBreak = [];

    private ImportInput(CsvReader reader, TailWatchingStream tail, SourceBytes original, string[] header, DetectedEncoding encoding, char separator, long? totalBytes)
    {
        Reader = reader;
        _tail = tail;
        _original = original;
        Header = header;
        Encoding = encoding;
        Separator = separator;
        TotalBytes = totalBytes;
    }

    public CsvReader Reader { get; }

    /// <summary>Lines skipped before the header: the reader counts from there, messages from the file's first line.</summary>
    public int LineOffset { get; private init; }

    /// <summary>At the end of the file: whether its last record ended with a line break.</summary>
    public bool EndedWithLineBreak => _tail.EndsWithLineBreak;

    /// <summary>The column names as the file gives them.</summary>
    public string[] Header { get; }

    public DetectedEncoding Encoding { get; }

    public char Separator { get; }

    /// <summary>The file's size in bytes, for progress; null for a pipe.</summary>
    public long? TotalBytes { get; }

    /// <summary>
    /// Detects the encoding (unless <paramref name="named"/>) and the separator, and reads the header.
    /// The table owns <paramref name="input"/> from here on.
    /// </summary>
    public static Task<Result<ImportInput>> OpenAsync(Stream input, Encoding? named, CancellationToken cancellationToken) =>
        OpenAsync(input, named, skipLines: 0, cancellationToken);

    /// <summary>The same, after the first <paramref name="skipLines"/> lines (a title or log lines before the header).</summary>
    public static async Task<Result<ImportInput>> OpenAsync(Stream input, Encoding? named, int skipLines, CancellationToken cancellationToken)
    {
        long? totalBytes = input.CanSeek ? input.Length : null;
        var prefix = new byte[PrefixSize];
        var length = await input.ReadAtLeastAsync(prefix, PrefixSize, throwOnEndOfStream: false, cancellationToken);
        if (length == 0)
        {
            return Error.Invalid(CatalogErrorCodes.Empty, "the file is empty; export your library again, or check that you picked the right file");
        }

        var source = PrefixedStream.Rewind(input, prefix, length);

        var detected = TextEncodingDetector.Detect(prefix.AsSpan(0, length), input, named);
        if (!detected.IsSuccess)
        {
            return detected.Error!;
        }

        var encoding = detected.Value.Encoding;
        var headerAt = 0;
        if (skipLines > 0)
        {
            headerAt = LeadingLines.Skip(prefix.AsSpan(0, length), skipLines, encoding);
            if (headerAt < 0)
            {
                await source.DisposeAsync();
                return Error.Invalid(CatalogErrorCodes.SkipTooFar, $"the first {skipLines.ToString(CultureInfo.InvariantCulture)} lines are more than the file has, or longer than {PrefixSize >> 10} KB; nothing was imported");
            }

            // Past a byte order mark the reader can no longer see it: name the encoding it marked.
            encoding ??= detected.Value.Original;
            source = new SkippingStream(source, headerAt);
        }

        var start = SeparatorDetector.Decode(prefix.AsSpan(headerAt, length - headerAt), encoding);
        if (CalibreListOutput.Looks(start))
        {
            await source.DisposeAsync();
            return Error.Invalid(CatalogErrorCodes.CalibreList, "the file is the console table calibredb list prints, not a CSV file (its wrapped cells would make wrong books); export a CSV catalog with 'calibredb catalog books.csv' and import that; nothing was imported");
        }

        var separator = SeparatorDetector.Detect(start);
        var fileEncoding = ReadAsTranscoded(encoding ?? detected.Value.Original);
        var original = new SourceBytes(fileEncoding);
        if (fileEncoding is not null)
        {
            source = new Utf8TranscodingStream(source, fileEncoding, original);
        }

        if (BackslashQuotes.Used(start, separator ?? ','))
        {
            source = new BackslashQuoteStream(source, original);
        }

        ImportInput? table = null;
        var options = new CsvReaderOptions
        {
            Separator = separator,
            Encoding = fileEncoding is null ? encoding : null,
            TrackLineNumbers = true,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = record => table?.Remember(record),
        };
        var tail = new TailWatchingStream(source);
        var reader = CsvReader.Create(tail, options);
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
            string[] header = [.. reader.Headers];
            if (header.All(string.IsNullOrWhiteSpace))
            {
                await reader.DisposeAsync();
                return Error.Invalid(CatalogErrorCodes.NoHeader, "the file has no header line; the first line must name the columns (Title, Author, ...)");
            }

            table = new ImportInput(reader, tail, original, header, detected.Value, reader.Separator, totalBytes) { LineOffset = skipLines };
            var written = fileEncoding ?? System.Text.Encoding.UTF8;
            var asWritten = HeaderLineBytes.Find(prefix.AsSpan(0, length), headerAt, written);
            (table._rejectsHeader, table._lineBreak) = asWritten
                ?? ([.. HeaderLineBytes.Mark(prefix.AsSpan(0, length)), .. written.GetBytes(RejectsFile.HeaderLine(header, table.Separator))], written.GetBytes("\n"));
            return table;
        }
        catch (CsvFormatException e)
        {
            await reader.DisposeAsync();
            return Error.Invalid(CatalogErrorCodes.Malformed, $"the header line cannot be read as CSV: {e.Message}");
        }
    }

    /// <summary>
    /// Why the current record cannot be trusted, or null. Only a quote that is never closed
    /// counts: it swallows the lines after it, so the row's fields are not what the file meant.
    /// </summary>
    public string? Malformation(long line)
    {
        lock (_malformedLock)
        {
            if (!_malformed.Remove(line, out var reason))
            {
                return null;
            }

            return reason switch
            {
                CsvMalformedReason.UnterminatedQuote =>
                    "a quoted field opened on this line is never closed, so the rest of the file was read as part of this row (was the file cut short?)",
                CsvMalformedReason.LineBreakInQuotes => "a quoted field runs over a line break",
                _ => null,
            };
        }
    }

    private void Remember(CsvMalformedRecord record)
    {
        if (record.Reason is CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes)
        {
            lock (_malformedLock)
            {
                _malformed[record.LineNumber] = record.Reason;
            }
        }
    }

    /// <summary>
    /// Moves to the next record; false at the end. What earlier records needed to give their own
    /// bytes back is forgotten here.
    /// </summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        var more = await Reader.ReadAsync(cancellationToken);
        _original.Forget(Reader.ByteOffset);
        return more;
    }

    /// <summary>The current record as the file has it, byte for byte, without its line break.</summary>
    public byte[] RecordBytes() => _original.Of(Reader.ByteOffset, Reader.RawRecord.ToArray());

    /// <summary>A rejects file for this file: its header line, then rejected rows, as the file wrote them.</summary>
    public RejectsFile Rejects(Stream output) => new(output, _rejectsHeader, _lineBreak);

    /// <summary>
    /// The encoding a file is transcoded from before the reader, or null when the reader reads
    /// its bytes as they are: UTF-8 (the reader replaces an invalid byte itself, as a file the
    /// user says is UTF-8 should be read).
    /// </summary>
    private static Encoding? ReadAsTranscoded(Encoding? encoding) =>
        encoding is null or UTF8Encoding ? null : encoding;

    public ValueTask DisposeAsync() => Reader.DisposeAsync();
}
