using System.Text.RegularExpressions;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// LibraryThing's export (CSV, or tab-separated and often UTF-16): one primary author, secondary
/// authors and their roles as parallel '|' lists, the publisher inside a free-text "Publication",
/// ISBNs in brackets. Dimensions, call numbers, subjects, collections and lending columns have no
/// Shelf field and are kept as extras.
/// </summary>
internal sealed partial class LibraryThingFormat : ICatalogFormat
{
    public string Name => "librarything";

    public string Description => "LibraryThing export (CSV or tab-separated)";

    public IReadOnlyList<string> Signature { get; } = ["Book ID", "Title", "Primary Author", "ISBNs"];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    /// <summary>"Galahad Books (1998), Hardcover, 128 pages": the publisher is what comes before the year in brackets.</summary>
    internal static string? PublisherOf(string publication)
    {
        var match = PublisherPattern().Match(publication);
        return match.Success ? match.Groups["publisher"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^(?<publisher>.+?)\s*\(\s*(c\.?\s*)?-?\d{1,4}\s*\)")]
    private static partial Regex PublisherPattern();

    [GeneratedRegex(@"^\s*(c\.?\s*)?(?<year>[1-9]\d{2,3})\b")]
    private static partial Regex FirstYearPattern();

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        // What LibraryThing's Lending Status says of a book that is out.
        private static readonly string[] OutStatuses = ["lent", "out", "loan"];

        private readonly int _id = h.Find("Book ID", "Book Id");
        private readonly int _title = h.Find("Title");
        private readonly int _primary = h.Find("Primary Author");
        private readonly int _primaryRole = h.Find("Primary Author Role");
        private readonly int _secondary = h.Find("Secondary Author");
        private readonly int _secondaryRole = h.Find("Secondary Author Roles", "Secondary Author Role");
        private readonly int _publication = h.Find("Publication");
        private readonly int _date = h.Find("Date");
        private readonly int _review = h.Find("Review");
        private readonly int _rating = h.Find("Rating");
        private readonly int _privateComment = h.Find("Private Comment");
        private readonly int _media = h.Find("Media");
        private readonly int _pages = h.Find("Page Count");
        private readonly int _lccn = h.Find("LCCN");
        private readonly int _dateStarted = h.Find("Date Started");
        private readonly int _dateRead = h.Find("Date Read");
        private readonly int _tags = h.Find("Tags");
        private readonly int _collections = h.Find("Collections");
        private readonly int _languages = h.Find("Languages");
        private readonly int _isbn = h.Find("ISBN");
        private readonly int _isbns = h.Find("ISBNs");
        private readonly int _copies = h.Find("Copies");
        private readonly int _entryDate = h.Find("Entry Date");
        private readonly int _oclc = h.Find("OCLC");
        private readonly int _patron = h.Find("Lending Patron");
        private readonly int _lendingStatus = h.Find("Lending Status");
        private readonly int _lendingStart = h.Find("Lending Start");
        private readonly int _lendingEnd = h.Find("Lending End");

        public CatalogField Fields => FieldSet.Of(
            (CatalogField.Title, _title), (CatalogField.Authors, _primary), (CatalogField.Isbn, Math.Max(_isbn, _isbns)),
            (CatalogField.Publisher, _publication), (CatalogField.YearPublished, _date), (CatalogField.Review, _review),
            (CatalogField.Rating, _rating), (CatalogField.PrivateNotes, _privateComment), (CatalogField.Format, _media),
            (CatalogField.Pages, _pages), (CatalogField.DateStarted, _dateStarted), (CatalogField.DateRead, _dateRead),
            (CatalogField.Tags, _tags), (CatalogField.Status, _collections), (CatalogField.Language, _languages),
            (CatalogField.OwnedCopies, _copies), (CatalogField.AddedAt, _entryDate), (CatalogField.Identifiers, _id))
            | CatalogField.Extras;

        public string? ExtrasSource => "librarything";

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            row.Identifier("librarything", _id);
            row.Identifier("lccn", _lccn);
            row.Identifier("oclc", _oclc);
            row.Title(_title);
            MapAuthors(row);

            var publication = row.Raw(_publication).Trim();
            if (publication.Length > 0)
            {
                var publisher = PublisherOf(publication) is { } found ? Books.BookRules.CollapseSpaces(found) : null;
                record.Publisher = publisher is { Length: <= 500 } ? publisher : null;

                // It also holds the edition, binding and pages: keep the whole text.
                row.Keep(_publication, publication);
            }

            MapYear(row);
            record.Review = row.LongText(_review);
            record.Rating = row.Rating(_rating);
            record.PrivateNotes = row.LongText(_privateComment);
            record.Format = row.Text(_media, 100);
            record.Pages = row.Pages(_pages);
            record.DateStarted = row.Date(_dateStarted);
            record.DateRead = row.Date(_dateRead);
            row.Tags(CatalogValues.SplitList(row.Raw(_tags), ','), row.Label(_tags));

            var collections = row.Raw(_collections);
            record.Status = ReadingStatuses.FromLibraryThingCollections(CatalogValues.SplitList(collections, ','));
            row.Keep(_collections, collections);

            record.Language = LanguageOf(row);
            MapIsbn(row);
            record.OwnedCopies = row.Number(_copies, 0, 100_000);
            record.AddedAt = row.Date(_entryDate)?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            MapLoan(row);
        }

        /// <summary>
        /// The lending columns as a loan: returned when it has an end, open when its status says
        /// the book is out; a patron with neither is kept in the extras with a warning.
        /// </summary>
        private void MapLoan(CatalogRow row)
        {
            if (_patron < 0 || row.Raw(_patron).Trim() is not { Length: > 0 } patron)
            {
                return;
            }

            var status = row.Raw(_lendingStatus).Trim();
            var start = row.Date(_lendingStart);
            var end = row.Date(_lendingEnd);
            var name = Loans.LoanRules.Borrower(patron);
            var open = end is null && OutStatuses.Any(s => status.Contains(s, StringComparison.OrdinalIgnoreCase));
            if (!name.IsSuccess || (end is null && !open))
            {
                row.Warn(name.IsSuccess
                    ? $"{row.Label(_patron)} '{UserText.Shorten(patron)}' has no {row.Label(_lendingEnd)} and {row.Label(_lendingStatus)} '{UserText.Shorten(status)}' does not say the book is out; no loan recorded, the lending columns kept in the extras"
                    : $"{row.Label(_patron)}: {name.Error!.Message}; no loan recorded, the lending columns kept in the extras");
                foreach (var column in new[] { _patron, _lendingStatus, _lendingStart, _lendingEnd })
                {
                    row.Keep(column);
                }

                return;
            }

            static DateTime Utc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var lent = start ?? end ?? DateOnly.FromDateTime(DateTime.UtcNow);
            row.Record.Loans.Add(new ImportedLoan(name.Value!, Utc(lent), end is { } back ? Utc(back) : null));
        }

        private void MapAuthors(CatalogRow row)
        {
            var primary = row.Raw(_primary).Trim();
            var primaryRole = row.Raw(_primaryRole);
            if (primary.Length > 0)
            {
                row.Credit(primary, CatalogValues.Role(primaryRole), row.Label(_primary));
            }

            if (!CatalogValues.IsKnownRole(primaryRole))
            {
                row.Keep(_primaryRole, primaryRole);
            }

            // "Flannery, Brian P.|Teukolsky, Saul A." with roles "|" (both unnamed: authors).
            var names = row.Raw(_secondary).Split('|');
            var roleText = row.Raw(_secondaryRole);
            var roles = roleText.Split('|');
            var allKnown = true;
            for (var i = 0; i < names.Length; i++)
            {
                var role = i < roles.Length ? roles[i] : string.Empty;
                allKnown &= CatalogValues.IsKnownRole(role);
                if (names[i].Trim().Length > 0)
                {
                    row.Credit(names[i].Trim(), CatalogValues.Role(role), row.Label(_secondary));
                }
            }

            if (!allKnown)
            {
                row.Keep(_secondaryRole, roleText);
            }
        }

        private void MapYear(CatalogRow row)
        {
            var date = row.Raw(_date).Trim();
            if (date.Length == 0)
            {
                return;
            }

            // Usually "1998"; sometimes "c1998" or "1998-2001": the first year, with the text kept.
            if (Books.BookRules.Year(date) is { IsSuccess: true, Value: { } year })
            {
                row.Record.YearPublished = year;
                return;
            }

            var first = FirstYearPattern().Match(date);
            if (first.Success && Books.BookRules.Year(first.Groups["year"].Value) is { IsSuccess: true, Value: { } firstYear })
            {
                row.Record.YearPublished = firstYear;
                row.Keep(_date, date);
                return;
            }

            row.Unusable(_date, "is not a year Shelf can store (no year 0; negative is BCE)");
        }

        private string? LanguageOf(CatalogRow row)
        {
            var languages = Books.BookRules.CollapseSpaces(row.Raw(_languages));
            if (languages.Length is > 0 and <= 50)
            {
                return languages;
            }

            row.Keep(_languages, languages);
            return null;
        }

        private void MapIsbn(CatalogRow row)
        {
            var isbn = row.Isbn(_isbn);
            var list = row.Raw(_isbns);
            var others = CatalogValues.SplitList(CatalogValues.StripIsbnDecoration(list), ',')
                .Select(text => CatalogValues.Isbn(text, restoreZeros: false, out _) ?? text)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            row.Record.Isbn13 = isbn ?? others.FirstOrDefault(i => Isbn.TryParse(i, out _, out _));

            // "[0201500647, 9780201500646]" is one ISBN written twice; anything more is kept.
            if (others.Any(i => i != row.Record.Isbn13))
            {
                row.Keep(_isbns, list);
            }
        }
    }
}
