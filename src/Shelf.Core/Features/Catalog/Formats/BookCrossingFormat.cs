using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// The Book-Crossing data set's <c>BX-Books.csv</c>: a MySQL dump, semicolon-separated, every
/// field quoted with quotes inside escaped by a backslash (read as <see cref="Importing.BackslashQuotes"/>),
/// in Latin-1 with HTML entities. Its ISBN is the book's only identity; a year 0 means unknown
/// (a warning, kept in the extras); the cover links are extras.
/// </summary>
internal sealed class BookCrossingFormat : ICatalogFormat
{
    public string Name => "book-crossing";

    public string Description => "Book-Crossing data set BX-Books.csv";

    public IReadOnlyList<string> Signature { get; } = ["ISBN", "Book-Title", "Book-Author", "Year-Of-Publication", "Publisher"];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private readonly int _isbn = h.Find("ISBN");
        private readonly int _title = h.Find("Book-Title");
        private readonly int _author = h.Find("Book-Author");
        private readonly int _year = h.Find("Year-Of-Publication");
        private readonly int _publisher = h.Find("Publisher");

        public CatalogField Fields => FieldSet.Of(
            (CatalogField.Title, _title), (CatalogField.Authors, _author), (CatalogField.Isbn, _isbn), (CatalogField.YearPublished, _year), (CatalogField.Publisher, _publisher))
            | CatalogField.Extras;

        public string? ExtrasSource => "book-crossing";

        public int SwallowingColumn => _title;

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            row.Title(_title);
            var author = row.Raw(_author).Trim();
            if (author.Length > 0)
            {
                row.Credit(author, AuthorRole.Author, row.Label(_author));
            }

            record.Isbn13 = row.Isbn(_isbn, restoreZeros: true);
            record.YearPublished = row.Year(_year);
            record.Publisher = row.Text(_publisher);
        }
    }
}
