using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// goodbooks-10k's <c>books.csv</c>: Goodreads metadata after a trip through pandas, so ISBN-10s
/// lost their leading zeros (restored when the padded value passes the checksum) and ISBN-13s
/// became floating point (never trusted: their last digits are gone). Ratings statistics,
/// image links and the original title have no Shelf field and are kept as extras.
/// </summary>
internal sealed class GoodbooksFormat : ICatalogFormat
{
    public string Name => "goodbooks";

    public string Description => "goodbooks-10k books.csv (Goodreads metadata data set)";

    public IReadOnlyList<string> Signature { get; } = ["book_id", "goodreads_book_id", "authors", "original_publication_year", "title"];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private readonly int _id = h.Find("book_id");
        private readonly int _goodreadsId = h.Find("goodreads_book_id");
        private readonly int _isbn = h.Find("isbn");
        private readonly int _isbn13 = h.Find("isbn13");
        private readonly int _authors = h.Find("authors");
        private readonly int _originalYear = h.Find("original_publication_year");
        private readonly int _title = h.Find("title");
        private readonly int _language = h.Find("language_code");

        public CatalogField Fields => FieldSet.Of(
            (CatalogField.Title, _title), (CatalogField.Authors, _authors), (CatalogField.Isbn, Math.Max(_isbn, _isbn13)),
            (CatalogField.OriginalPublicationYear, _originalYear), (CatalogField.Language, _language), (CatalogField.Identifiers, _id))
            | CatalogField.Extras;

        public string? ExtrasSource => "goodbooks";

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            row.Identifier("goodbooks", _id);
            row.Identifier("goodreads", _goodreadsId);
            row.Title(_title);
            foreach (var name in CatalogValues.SplitNames(row.Raw(_authors), ','))
            {
                // The list has translators and illustrators too, with nothing to tell them apart.
                row.Credit(name, AuthorRole.Author, row.Label(_authors));
            }

            record.Isbn13 = row.Isbn(_isbn13, _isbn, restoreZeros: true);

            record.OriginalPublicationYear = row.Year(_originalYear);
            record.Language = row.Text(_language, 50);
        }
    }
}
