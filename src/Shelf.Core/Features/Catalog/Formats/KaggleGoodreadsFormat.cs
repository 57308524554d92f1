using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// The Kaggle "Goodreads-books" data set's <c>books.csv</c>: Goodreads metadata scraped with its
/// ids (<c>bookID</c> is the Goodreads id), people joined with '/' ("J.K. Rowling/Mary GrandPré"),
/// publication dates as M/D/YYYY (the year is kept; the date, as written, in the extras). A few
/// rows hold an unquoted comma in <c>authors</c>; their extra field is read back into it.
/// </summary>
internal sealed class KaggleGoodreadsFormat : ICatalogFormat
{
    public string Name => "kaggle-goodreads";

    public string Description => "Kaggle \"Goodreads-books\" books.csv (Goodreads metadata data set)";

    public IReadOnlyList<string> Signature { get; } = ["bookID", "title", "authors", "average_rating", "isbn13", "num_pages"];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private static readonly People.Field Authors = new("authors", AuthorRole.Author, "/");

        private readonly int _id = h.Find("bookID");
        private readonly int _title = h.Find("title");
        private readonly int _authors = h.Find("authors");
        private readonly int _isbn = h.Find("isbn");
        private readonly int _isbn13 = h.Find("isbn13");
        private readonly int _language = h.Find("language_code");
        private readonly int _pages = h.Find("num_pages");
        private readonly int _published = h.Find("publication_date");
        private readonly int _publisher = h.Find("publisher");

        public CatalogField Fields => FieldSet.Of(
            (CatalogField.Title, _title), (CatalogField.Authors, _authors), (CatalogField.Isbn, Math.Max(_isbn, _isbn13)), (CatalogField.Language, _language),
            (CatalogField.Pages, _pages), (CatalogField.YearPublished, _published), (CatalogField.Publisher, _publisher), (CatalogField.Identifiers, _id))
            | CatalogField.Extras;

        public string? ExtrasSource => "kaggle-goodreads";

        public int OverflowColumn => _authors;

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            row.Identifier("goodreads", _id);
            row.Title(_title);
            People.Map(row, _authors, Authors);
            record.Isbn13 = row.Isbn(_isbn13, _isbn, restoreZeros: true);

            record.Language = row.Text(_language, 50);
            record.Pages = row.Pages(_pages);
            record.YearPublished = row.Year(_published);
            if (record.YearPublished is not null)
            {
                // Shelf keeps an edition's year; the day it was published has no field.
                row.Keep(_published);
            }

            record.Publisher = row.Text(_publisher);
        }
    }
}
