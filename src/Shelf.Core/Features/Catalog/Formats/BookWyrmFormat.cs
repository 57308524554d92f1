using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// BookWyrm's CSV export (Settings, Export): one row per edition with its ids in other systems
/// (the edition's own page as <c>remote_id</c>, Open Library, Goodreads, LibraryThing, Inventaire,
/// Wikidata, OCLC, ...), the latest reading's dates, the latest review and rating (half stars),
/// and the shelf it was put on last: a built-in one (<c>to-read</c>, <c>reading</c>, <c>read</c>,
/// <c>stopped-reading</c>) is the status, a shelf of the user's own a shelf.
/// </summary>
internal sealed class BookWyrmFormat : ICatalogFormat
{
    private static readonly (string Column, string Scheme)[] Ids =
    [
        ("remote_id", "bookwyrm"), ("openlibrary_key", "openlibrary"), ("goodreads_key", "goodreads"), ("librarything_key", "librarything"),
        ("inventaire_id", "inventaire"), ("wikidata", "wikidata"), ("oclc_number", "oclc"), ("isfdb", "isfdb"), ("asin", "asin"),
    ];

    private static readonly HashSet<string> BuiltInShelves = new(StringComparer.OrdinalIgnoreCase) { "to-read", "reading", "read", "stopped-reading" };

    public string Name => "bookwyrm";

    public string Description => "BookWyrm CSV export";

    public IReadOnlyList<string> Signature { get; } = ["title", "author_text", "remote_id", "shelf", "shelf_name"];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private readonly int _title = h.Find("title");
        private readonly int _authors = h.Find("author_text");
        private readonly int[] _ids = [.. Ids.Select(i => h.Find(i.Column))];
        private readonly int _isbn13 = h.Find("isbn_13");
        private readonly int _isbn10 = h.Find("isbn_10");
        private readonly int _started = h.Find("start_date");
        private readonly int _finished = h.Find("finish_date");
        private readonly int _rating = h.Find("rating");
        private readonly int _review = h.Find("review_content");
        private readonly int _shelf = h.Find("shelf");
        private readonly int _shelfName = h.Find("shelf_name");

        public CatalogField Fields => FieldSet.Of(
            (CatalogField.Title, _title), (CatalogField.Authors, _authors), (CatalogField.Isbn, Math.Max(_isbn13, _isbn10)), (CatalogField.Identifiers, _ids.Max()),
            (CatalogField.DateStarted, _started), (CatalogField.DateRead, _finished), (CatalogField.Rating, _rating), (CatalogField.Review, _review),
            (CatalogField.Status, _shelf), (CatalogField.Tags, _shelfName))
            | CatalogField.Extras;

        public string? ExtrasSource => "bookwyrm";

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            row.Title(_title);
            foreach (var name in CatalogValues.SplitNames(row.Raw(_authors), ','))
            {
                row.Credit(name, AuthorRole.Author, row.Label(_authors));
            }

            for (var i = 0; i < _ids.Length; i++)
            {
                if (_ids[i] >= 0)
                {
                    row.Identifier(Ids[i].Scheme, _ids[i]);
                }
            }

            record.Isbn13 = row.Isbn(_isbn13, _isbn10, restoreZeros: false);

            record.DateStarted = row.Date(_started);
            record.DateRead = row.Date(_finished);
            record.Rating = row.Rating(_rating);
            record.Review = row.LongText(_review);
            MapShelf(row);
        }

        // The shelf's identifier says whether it is one of BookWyrm's own; its name is how the user wrote it.
        private void MapShelf(CatalogRow row)
        {
            var shelf = row.Text(_shelf, 200);
            var name = row.Text(_shelfName, 200);
            if (shelf is null)
            {
                return;
            }

            if (BuiltInShelves.Contains(shelf))
            {
                row.Record.Status = shelf;
                if (name is not null)
                {
                    row.Keep(_shelfName);
                }
            }
            else
            {
                row.Tags([name ?? shelf], row.Label(_shelfName));
                row.Keep(_shelf);
            }
        }
    }
}
