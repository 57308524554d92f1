using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// Libib's library export: one file for every kind of item (books, films, games, music), of
/// which Shelf takes the books; creators as a comma list, status words, reading dates. Prices
/// (without a currency), groups, collections and the columns of other media are kept as extras.
/// </summary>
internal sealed class LibibFormat : ICatalogFormat
{
    public string Name => "libib";

    public string Description => "Libib library export (books only)";

    public IReadOnlyList<string> Signature { get; } = ["item_type", "title", "creators", "ean_isbn13"];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private readonly int _type = h.Find("item_type");
        private readonly int _title = h.Find("title");
        private readonly int _creators = h.Find("creators");
        private readonly int _firstName = h.Find("first_name");
        private readonly int _lastName = h.Find("last_name");
        private readonly int _isbn13 = h.Find("ean_isbn13");
        private readonly int _isbn10 = h.Find("upc_isbn10");
        private readonly int _description = h.Find("description");
        private readonly int _publisher = h.Find("publisher");
        private readonly int _publishDate = h.Find("publish_date");
        private readonly int _tags = h.Find("tags");
        private readonly int _notes = h.Find("notes");
        private readonly int _length = h.Find("length");
        private readonly int _rating = h.Find("rating");
        private readonly int _review = h.Find("review");
        private readonly int _status = h.Find("status");
        private readonly int _began = h.Find("began");
        private readonly int _completed = h.Find("completed");
        private readonly int _added = h.Find("added");
        private readonly int _copies = h.Find("copies");

        public CatalogField Fields => FieldSet.Of(
            (CatalogField.Title, _title), (CatalogField.Authors, _creators), (CatalogField.Isbn, Math.Max(_isbn13, _isbn10)),
            (CatalogField.Description, _description), (CatalogField.Publisher, _publisher), (CatalogField.YearPublished, _publishDate),
            (CatalogField.Tags, _tags), (CatalogField.PrivateNotes, _notes), (CatalogField.Pages, _length), (CatalogField.Rating, _rating),
            (CatalogField.Review, _review), (CatalogField.Status, _status), (CatalogField.DateStarted, _began),
            (CatalogField.DateRead, _completed), (CatalogField.AddedAt, _added), (CatalogField.OwnedCopies, _copies))
            | CatalogField.Extras;

        public string? ExtrasSource => "libib";

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            var type = row.Raw(_type).Trim();
            if (type.Length > 0 && !type.Equals("book", StringComparison.OrdinalIgnoreCase) && !type.Equals("books", StringComparison.OrdinalIgnoreCase))
            {
                row.Fail($"{row.Label(_type)} is '{UserText.Shorten(type)}'; Shelf keeps books only");
                return;
            }

            row.Title(_title);
            var creators = CatalogValues.SplitNames(row.Raw(_creators), ',');
            foreach (var creator in creators)
            {
                row.Credit(creator, AuthorRole.Author, row.Label(_creators));
            }

            // first_name/last_name repeat the first creator; they only matter when creators is empty.
            var first = row.Raw(_firstName);
            var last = row.Raw(_lastName);
            if (creators.Count == 0 && AuthorName.TryFromParts(first, last, out var name, out _))
            {
                record.AddCredit(name, AuthorRole.Author);
            }

            var isbn13 = row.Isbn(_isbn13, restoreZeros: true);
            var isbn10 = row.Isbn(_isbn10, restoreZeros: true);
            record.Isbn13 = isbn13 ?? isbn10;
            if (isbn13 is not null && isbn10 is not null && isbn10 != isbn13)
            {
                row.Keep(_isbn10);
            }

            record.Description = row.LongText(_description);
            record.Publisher = row.Text(_publisher);
            var published = row.Raw(_publishDate).Trim();
            if (published.Length > 0)
            {
                if (Books.BookRules.Year(published) is { IsSuccess: true, Value: { } year })
                {
                    record.YearPublished = year;
                }
                else if (CatalogValues.TryDate(published, out var date))
                {
                    record.YearPublished = date.Year;
                    row.Keep(_publishDate, published);
                }
                else
                {
                    row.Keep(_publishDate, published);
                }
            }

            row.Tags(CatalogValues.SplitList(row.Raw(_tags), ','), row.Label(_tags));
            record.PrivateNotes = row.LongText(_notes);
            record.Pages = row.Pages(_length);
            record.Rating = row.Rating(_rating);
            record.Review = row.LongText(_review);
            record.Status = ReadingStatuses.FromLibib(row.Text(_status, 100));
            record.DateStarted = row.Date(_began);
            record.DateRead = row.Date(_completed);
            record.AddedAt = row.Date(_added)?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            record.OwnedCopies = row.Number(_copies, 0, 100_000);
        }
    }
}
