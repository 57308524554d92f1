using System.Globalization;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// LibraryThing's export before 2016: upper-case column names in single quotes
/// (<c>'AUTHOR (last, first)'</c>), no book id, entry dates as <c>11/27/10 19:14</c>.
/// Books are matched by ISBN, then by title and author.
/// </summary>
internal sealed class LibraryThingLegacyFormat : ICatalogFormat
{
    public string Name => "librarything-2014";

    public string Description => "LibraryThing export before 2016 ('TITLE', 'AUTHOR (last, first)', ...)";

    public IReadOnlyList<string> Signature { get; } = ["TITLE", "AUTHOR (last, first)", "ISBNs", "PUBLICATION INFO"];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private static readonly string[] EntryDateFormats = ["M/d/yy H:mm", "M/d/yyyy H:mm", "M/d/yy", "M/d/yyyy"];

        private readonly int _title = h.Find("TITLE");
        private readonly int _authorFirstLast = h.Find("AUTHOR (first, last)");
        private readonly int _authorLastFirst = h.Find("AUTHOR (last, first)");
        private readonly int _date = h.Find("DATE");
        private readonly int _isbns = h.Find("ISBNs");
        private readonly int _publication = h.Find("PUBLICATION INFO");
        private readonly int _rating = h.Find("RATINGS", "RATING");
        private readonly int _review = h.Find("REVIEWS", "REVIEW");
        private readonly int _entryDate = h.Find("ENTRY DATE");
        private readonly int _copies = h.Find("COPIES");
        private readonly int _collections = h.Find("COLLECTIONS");
        private readonly int _tags = h.Find("TAGS");

        public CatalogField Fields => FieldSet.Of(
            (CatalogField.Title, _title), (CatalogField.Authors, Math.Max(_authorFirstLast, _authorLastFirst)), (CatalogField.Isbn, _isbns),
            (CatalogField.Publisher, _publication), (CatalogField.YearPublished, _date), (CatalogField.Rating, _rating),
            (CatalogField.Review, _review), (CatalogField.AddedAt, _entryDate), (CatalogField.OwnedCopies, _copies),
            (CatalogField.Status, _collections), (CatalogField.Tags, _tags))
            | CatalogField.Extras;

        public string? ExtrasSource => "librarything";

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            row.Title(_title);
            var lastFirst = row.Raw(_authorLastFirst).Trim();
            var firstLast = row.Raw(_authorFirstLast).Trim();
            var author = lastFirst.Length > 0 ? lastFirst : firstLast;
            if (author.Length > 0)
            {
                row.Credit(author, AuthorRole.Author, row.Label(_authorLastFirst));
            }

            var isbns = row.Raw(_isbns);
            var list = CatalogValues.SplitList(CatalogValues.StripIsbnDecoration(isbns), ',');
            record.Isbn13 = list.Select(i => CatalogValues.Isbn(i, restoreZeros: false, out _)).FirstOrDefault(i => i is not null);
            if (list.Count > 1 || (list.Count == 1 && record.Isbn13 is null))
            {
                row.Keep(_isbns, isbns);
            }

            var publication = row.Raw(_publication).Trim();
            if (publication.Length > 0)
            {
                var publisher = LibraryThingFormat.PublisherOf(publication) is { } found ? Books.BookRules.CollapseSpaces(found) : null;
                record.Publisher = publisher is { Length: <= 500 } ? publisher : null;
                row.Keep(_publication, publication);
            }

            var date = row.Raw(_date).Trim();
            if (Books.BookRules.Year(date) is { IsSuccess: true, Value: { } year })
            {
                record.YearPublished = year;
            }
            else
            {
                row.Keep(_date, date);
            }

            record.Rating = row.Rating(_rating);
            record.Review = row.LongText(_review);
            var entered = row.Raw(_entryDate).Trim();
            if (DateTime.TryParseExact(entered, EntryDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var added))
            {
                record.AddedAt = added;
            }
            else if (entered.Length > 0)
            {
                row.Unusable(_entryDate, "is not a date such as 11/27/10 19:14");
            }

            record.OwnedCopies = row.Number(_copies, 0, 100_000);
            var collections = row.Raw(_collections);
            record.Status = ReadingStatuses.FromLibraryThingCollections(CatalogValues.SplitList(collections, ','));
            row.Keep(_collections, collections);
            row.Tags(CatalogValues.SplitList(row.Raw(_tags), ','), row.Label(_tags));
        }
    }
}
