using System.Text;
using CsvHelper;
using Shelf.Core.Common;

namespace Shelf.Core.Features.Catalog.Reading;

/// <summary>
/// An export file opened for reading: its encoding and separator worked out, its header read,
/// and a CSV reader positioned before the first row. Rows stream; nothing else is kept.
/// </summary>
internal sealed class CatalogTable : IAsyncDisposable
{
    /// <summary>A record larger than this is not a book: an unclosed quote that swallowed the file.</summary>
    public const int MaxRecordBytes = 64 << 20;

    private const int PrefixSize = 64 << 10;

    private readonly Dictionary<long, CsvMalformedReason> _malformed = [];
    private readonly Lock _malformedLock = new();

    private CatalogTable(CsvReader reader, CatalogHeader header, DetectedEncoding encoding, char separator)
    {
        Reader = reader;
        Header = header;
        Encoding = encoding;
        Separator = separator;
    }

    public CsvReader Reader { get; }

    public CatalogHeader Header { get; }

    public DetectedEncoding Encoding { get; }

    public char Separator { get; }

    /// <summary>
    /// Detects the encoding (unless <paramref name="named"/>) and the separator, and reads the header.
    /// The table owns <paramref name="input"/> from here on.
    /// </summary>
    public static async Task<Result<CatalogTable>> OpenAsync(Stream input, Encoding? named, CancellationToken cancellationToken)
    {
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

        var separator = SeparatorDetector.Detect(SeparatorDetector.Decode(prefix.AsSpan(0, length), detected.Value.Encoding));
        CatalogTable? table = null;
        var options = new CsvReaderOptions
        {
            Separator = separator,
            Encoding = detected.Value.Encoding,
            TrackLineNumbers = true,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = record => table?.Remember(record),
        };
        var reader = CsvReader.Create(source, options);
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
            var header = new CatalogHeader(reader.Headers);
            if (header.Names.All(string.IsNullOrWhiteSpace))
            {
                await reader.DisposeAsync();
                return Error.Invalid(CatalogErrorCodes.NoHeader, "the file has no header line; the first line must name the columns (Title, Author, ...)");
            }

            table = new CatalogTable(reader, header, detected.Value, reader.Separator);
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

    public ValueTask DisposeAsync() => Reader.DisposeAsync();
}
