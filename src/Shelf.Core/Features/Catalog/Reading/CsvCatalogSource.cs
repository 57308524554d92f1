using CsvHelper;
using Shelf.Core.Common;
using Shelf.Core.Features.Importing;

namespace Shelf.Core.Features.Catalog.Reading;

/// <summary>A delimited catalog file (<see cref="ImportInput"/>) as named cells.</summary>
internal sealed class CsvCatalogSource(ImportInput input) : ICatalogSource
{
    private readonly CsvReader _reader = input.Reader;

    public string[] Header => input.Header;

    public char Separator => input.Separator;

    /// <summary>The encoding the file was read in, for the summary.</summary>
    public string EncodingName => input.Encoding.Name;

    public long? TotalBytes => input.TotalBytes;

    public Error? Fatal { get; private set; }

    public long Line => _reader.LineNumber + input.LineOffset;

    public long ByteOffset => _reader.ByteOffset;

    public int FieldCount => _reader.FieldCount;

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await input.ReadAsync(cancellationToken);
        }
        catch (CsvFormatException e)
        {
            Fatal = Error.Invalid(CatalogErrorCodes.Malformed, $"line {e.LineNumber + input.LineOffset}: the file cannot be read as CSV from here on ({e.Message}); nothing was imported");
            return false;
        }
    }

    public string Cell(int column) => _reader.GetString(column);

    public bool IsEmpty(int column) => _reader.IsEmpty(column);

    public int ByteLength(int column) => _reader.GetSpan(column).Length;

    public byte[] RawRecord() => input.RecordBytes();

    public string? Malformation(long line) => input.Malformation(line - input.LineOffset);

    public bool EndedWithLineBreak => input.EndedWithLineBreak;

    public RejectsFile Rejects(Stream output) => input.Rejects(output);

    public ImportIssue? ReadingWarning => input.Encoding.Warning;

    public ValueTask DisposeAsync() => input.DisposeAsync();
}
