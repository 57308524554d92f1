using System.Globalization;
using CsvHelper;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Formats;

namespace Shelf.Core.Features.Catalog.Export;

/// <summary>
/// Shelf's own CSV (see <see cref="ShelfCsvLayout"/>): every field, the credits with roles (names
/// in their "Last, First" form, so the family name survives the trip), shelves, ids and extras.
/// Importing it into an empty library and exporting again gives the same file.
/// </summary>
internal sealed class ShelfCsvExporter(Stream output) : ICatalogExporter
{
    private readonly CsvWriter _csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);

    public Task BeginAsync(CancellationToken cancellationToken)
    {
        foreach (var column in ShelfCsvLayout.Columns)
        {
            _csv.WriteField(column);
        }

        return _csv.EndRecordAsync(cancellationToken).AsTask();
    }

    public Task WriteAsync(Book book, CancellationToken cancellationToken)
    {
        foreach (var value in Values(book))
        {
            _csv.WriteField(value);
        }

        return _csv.EndRecordAsync(cancellationToken).AsTask();
    }

    public Task EndAsync(CancellationToken cancellationToken) => _csv.FlushAsync(cancellationToken).AsTask();

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    private static IEnumerable<string?> Values(Book book)
    {
        yield return book.Title;
        yield return book.Subtitle;
        yield return ShelfCsvLayout.FormatCredits(ExportValues.Credits(book).Select(a => (a.Author.SortName, a.Role)));
        yield return book.Isbn13;
        yield return book.Publisher;
        yield return ExportValues.Number(book.YearPublished);
        yield return ExportValues.Number(book.OriginalPublicationYear);
        yield return book.Language;
        yield return book.Format;
        yield return ExportValues.Number(book.Pages);
        yield return book.Series;
        yield return book.SeriesNumber;
        yield return book.Description;
        yield return book.ListPriceMinor?.ToString(CultureInfo.InvariantCulture);
        yield return book.ListPriceCurrency;
        yield return ExportValues.Number(book.Rating);
        yield return book.Status;
        yield return ExportValues.Day(book.DateStarted);
        yield return ExportValues.Day(book.DateRead);
        yield return ExportValues.Number(book.ReadCount);
        yield return book.Review;
        yield return book.PrivateNotes;
        yield return ExportValues.Number(book.OwnedCopies);
        yield return book.Location;
        yield return string.Join(ShelfCsvLayout.ListSeparator, ExportValues.Shelves(book));
        yield return ShelfCsvLayout.FormatIdentifiers(ExportValues.Identifiers(book).Select(i => (i.Scheme, i.Value)));
        yield return ExportValues.Moment(book.AddedAt);
        yield return book.Extras;
    }
}
