using CsvHelper;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Formats;

namespace Shelf.Core.Features.Catalog.Export;

/// <summary>
/// The current 24-column Goodreads export layout, for tools that read Goodreads files (Goodreads,
/// StoryGraph, Hardcover...). ISBNs carry Goodreads' Excel guard; columns Shelf keeps only as
/// Goodreads extras (Average Rating, Spoiler, Bookshelves with positions) come back from them.
/// Roles, series and other sources' extras have no column here: use the csv or json format to
/// keep everything. Its columns are Goodreads' fixed layout, not Shelf's fields, so they are
/// named here rather than taken from <see cref="BookFields"/>.
/// </summary>
internal sealed class GoodreadsCsvExporter(Stream output) : ICatalogExporter
{
    private const string Source = "goodreads";

    private static readonly string[] Header =
    [
        "Book Id", "Title", "Author", "Author l-f", "Additional Authors", "ISBN", "ISBN13", "My Rating", "Average Rating", "Publisher",
        "Binding", "Number of Pages", "Year Published", "Original Publication Year", "Date Read", "Date Added", "Bookshelves",
        "Bookshelves with positions", "Exclusive Shelf", "My Review", "Spoiler", "Private Notes", "Read Count", "Owned Copies",
    ];

    private readonly CsvWriter _csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);

    public Task BeginAsync(CancellationToken cancellationToken)
    {
        foreach (var column in Header)
        {
            _csv.WriteField(column);
        }

        return _csv.EndRecordAsync(cancellationToken).AsTask();
    }

    /// <summary>Goodreads' layout has no loans.</summary>
    public Task WriteAsync(Book book, IReadOnlyList<Loan> loans, CancellationToken cancellationToken)
    {
        var extras = BookExtras.Parse(book.Extras);
        var credits = ExportValues.Credits(book).Select(a => a.Author).ToList();
        var exclusive = ReadingStatuses.ToGoodreads(book.Status);
        var shelves = ExportValues.Shelves(book).ToList();
        if (exclusive is not null and not "read")
        {
            // Goodreads lists the exclusive shelf among the shelves, except "read".
            shelves.Insert(0, exclusive);
        }

        string?[] values =
        [
            book.Identifiers.Where(i => i.Scheme == Source).Select(i => i.Value).Order(StringComparer.Ordinal).FirstOrDefault(),
            book.Title,
            credits.FirstOrDefault()?.Name,
            credits.FirstOrDefault()?.SortName,
            string.Join(", ", credits.Skip(1).Select(a => a.Name)),
            Guard(book.Isbn13 is null ? null : Isbn.Parse(book.Isbn13).ToIsbn10()),
            Guard(book.Isbn13),
            ExportValues.Number(book.Rating ?? 0),
            extras.Get(Source, "Average Rating"),
            book.Publisher,
            book.Format,
            ExportValues.Number(book.Pages),
            ExportValues.Number(book.YearPublished),
            ExportValues.Number(book.OriginalPublicationYear),
            ExportValues.Day(book.DateRead, "yyyy/MM/dd"),
            ExportValues.Day(DateOnly.FromDateTime(book.AddedAt), "yyyy/MM/dd"),
            string.Join(", ", shelves),
            extras.Get(Source, "Bookshelves with positions") ?? string.Join(", ", shelves),
            exclusive,
            book.Review,
            extras.Get(Source, "Spoiler"),
            book.PrivateNotes,
            ExportValues.Number(book.ReadCount),
            ExportValues.Number(book.OwnedCopies ?? 0),
        ];
        foreach (var value in values)
        {
            _csv.WriteField(value);
        }

        return _csv.EndRecordAsync(cancellationToken).AsTask();
    }

    public Task EndAsync(CancellationToken cancellationToken) => _csv.FlushAsync(cancellationToken).AsTask();

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    // ="0441013597": Goodreads' guard against spreadsheets turning ISBNs into numbers.
    private static string Guard(string? isbn) => $"=\"{isbn}\"";
}
