using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// Goodreads "Export Library": the current 24-column layout and the older 31-column one (which
/// adds purchase, condition and recommendation columns; those have no Shelf field and are kept
/// as extras, as are Average Rating, Spoiler and Bookshelves with positions).
/// </summary>
internal sealed class GoodreadsFormat : ICatalogFormat
{
    public string Name => "goodreads";

    public string Description => "Goodreads library export (24- or 31-column layout)";

    public IReadOnlyList<string> Signature { get; } = ["Book Id", "Title", "Author", "My Rating", "Exclusive Shelf"];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private readonly int _id = h.Find("Book Id");
        private readonly int _title = h.Find("Title");
        private readonly int _author = h.Find("Author");
        private readonly int _authorLastFirst = h.Find("Author l-f");
        private readonly int _additionalAuthors = h.Find("Additional Authors");
        private readonly int _isbn = h.Find("ISBN");
        private readonly int _isbn13 = h.Find("ISBN13");
        private readonly int _rating = h.Find("My Rating");
        private readonly int _publisher = h.Find("Publisher");
        private readonly int _binding = h.Find("Binding");
        private readonly int _pages = h.Find("Number of Pages");
        private readonly int _year = h.Find("Year Published");
        private readonly int _originalYear = h.Find("Original Publication Year");
        private readonly int _dateRead = h.Find("Date Read");
        private readonly int _dateAdded = h.Find("Date Added");
        private readonly int _shelves = h.Find("Bookshelves");
        private readonly int _exclusiveShelf = h.Find("Exclusive Shelf");
        private readonly int _review = h.Find("My Review");
        private readonly int _notes = h.Find("Private Notes");
        private readonly int _readCount = h.Find("Read Count");
        private readonly int _ownedCopies = h.Find("Owned Copies");

        public CatalogField Fields => FieldSet.Of(
            (CatalogField.Title, _title), (CatalogField.Authors, _author), (CatalogField.Isbn, Math.Max(_isbn, _isbn13)),
            (CatalogField.Rating, _rating), (CatalogField.Publisher, _publisher), (CatalogField.Format, _binding),
            (CatalogField.Pages, _pages), (CatalogField.YearPublished, _year), (CatalogField.OriginalPublicationYear, _originalYear),
            (CatalogField.DateRead, _dateRead), (CatalogField.AddedAt, _dateAdded), (CatalogField.Tags, _shelves),
            (CatalogField.Status, _exclusiveShelf), (CatalogField.Review, _review), (CatalogField.PrivateNotes, _notes),
            (CatalogField.ReadCount, _readCount), (CatalogField.OwnedCopies, _ownedCopies), (CatalogField.Identifiers, _id))
            | CatalogField.Extras;

        public string? ExtrasSource => "goodreads";

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            row.Identifier("goodreads", _id);
            row.Title(_title);
            MapAuthors(row);

            var isbn13 = row.Isbn(_isbn13);
            var isbn10 = row.Isbn(_isbn);
            record.Isbn13 = isbn13 ?? isbn10;
            if (isbn13 is not null && isbn10 is not null && isbn10 != isbn13)
            {
                // The two columns name different editions: the ISBN-13 is the book's, the other is kept.
                row.Keep(_isbn);
            }

            // Goodreads writes 0 for "not rated".
            record.Rating = row.Rating(_rating);
            record.Publisher = row.Text(_publisher);
            record.Format = row.Text(_binding, 100);
            record.Pages = row.Pages(_pages);
            record.YearPublished = row.Year(_year);
            record.OriginalPublicationYear = row.Year(_originalYear);
            record.DateRead = row.Date(_dateRead);
            record.AddedAt = row.Date(_dateAdded)?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

            var exclusive = row.Text(_exclusiveShelf, 100);
            record.Status = ReadingStatuses.FromGoodreads(exclusive);

            // The exclusive shelf is the status; the other shelves are the book's shelves.
            row.Tags(
                CatalogValues.SplitList(row.Raw(_shelves), ',').Where(s => !string.Equals(s, exclusive, StringComparison.OrdinalIgnoreCase)),
                row.Label(_shelves));
            record.Review = row.LongText(_review);
            record.PrivateNotes = row.LongText(_notes);
            record.ReadCount = row.Number(_readCount, 0, 10_000);
            record.OwnedCopies = row.Number(_ownedCopies, 0, 100_000);
        }

        private void MapAuthors(CatalogRow row)
        {
            var author = row.Raw(_author);
            var lastFirst = row.Raw(_authorLastFirst);
            if (author.Trim().Length > 0 && row.Name(author, row.Label(_author)) is { } name)
            {
                // "Author l-f" tells the family name apart better than splitting at the last space
                // ("García Márquez, Gabriel"); use it when it names the same person.
                var sameperson = AuthorName.TryParse(lastFirst, out var parsed, out _) && parsed.Key == name.Key;
                row.Record.AddCredit(sameperson ? parsed.ShownAs(name) : name, AuthorRole.Author);
                if (!sameperson && lastFirst.Trim().Length > 0)
                {
                    // Not the same person as "Author": not Shelf's to guess which is right, so keep it.
                    row.Keep(_authorLastFirst);
                }
            }
            else if (lastFirst.Trim().Length > 0)
            {
                row.Credit(lastFirst, AuthorRole.Author, row.Label(_authorLastFirst));
            }

            foreach (var other in CatalogValues.SplitNames(row.Raw(_additionalAuthors), ','))
            {
                row.Credit(other, AuthorRole.Author, row.Label(_additionalAuthors));
            }
        }
    }
}
