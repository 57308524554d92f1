using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// The StoryGraph library export: authors as a comma list, contributors as "Name (Role)",
/// ratings in quarter stars (Shelf's rating is whole stars: the exact value stays in the extras),
/// reading status words, every reading as "start-end" in Dates Read (the latest reading's start
/// is the start date; the list itself, moods, pace and content warnings are extras).
/// An ISBN/UID that is not an ISBN is StoryGraph's own id.
/// </summary>
internal sealed class StoryGraphFormat : ICatalogFormat
{
    public string Name => "storygraph";

    public string Description => "The StoryGraph library export";

    public IReadOnlyList<string> Signature { get; } = ["Title", "Authors", "ISBN/UID", "Read Status", "Star Rating"];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private readonly int _title = h.Find("Title");
        private readonly int _authors = h.Find("Authors");
        private readonly int _contributors = h.Find("Contributors");
        private readonly int _isbn = h.Find("ISBN/UID");
        private readonly int _format = h.Find("Format");
        private readonly int _status = h.Find("Read Status");
        private readonly int _dateAdded = h.Find("Date Added");
        private readonly int _lastRead = h.Find("Last Date Read");
        private readonly int _datesRead = h.Find("Dates Read");
        private readonly int _readCount = h.Find("Read Count");
        private readonly int _rating = h.Find("Star Rating");
        private readonly int _review = h.Find("Review");
        private readonly int _tags = h.Find("Tags");
        private readonly int _owned = h.Find("Owned?");

        public CatalogField Fields => FieldSet.Of(
            (CatalogField.Title, _title), (CatalogField.Authors, _authors), (CatalogField.Isbn, _isbn), (CatalogField.Identifiers, _isbn),
            (CatalogField.Format, _format), (CatalogField.Status, _status), (CatalogField.AddedAt, _dateAdded), (CatalogField.DateRead, Math.Max(_lastRead, _datesRead)),
            (CatalogField.DateStarted, _datesRead), (CatalogField.DateStarted, _lastRead),
            (CatalogField.ReadCount, _readCount), (CatalogField.Rating, _rating), (CatalogField.Review, _review), (CatalogField.Tags, _tags),
            (CatalogField.OwnedCopies, _owned))
            | CatalogField.Extras;

        public string? ExtrasSource => "storygraph";

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            row.Title(_title);
            foreach (var name in CatalogValues.SplitNames(row.Raw(_authors), ','))
            {
                row.Credit(name, AuthorRole.Author, row.Label(_authors));
            }

            MapContributors(row);
            var uid = row.Raw(_isbn).Trim();
            if (uid.Length > 0)
            {
                record.Isbn13 = CatalogValues.Isbn(uid, restoreZeros: false, out _);
                if (record.Isbn13 is null)
                {
                    row.Identifier("storygraph", _isbn);
                }
            }

            record.Format = row.Text(_format, 100);
            record.Status = ReadingStatuses.FromStoryGraph(row.Text(_status, 100));
            record.AddedAt = row.Date(_dateAdded)?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            MapDates(row);
            record.ReadCount = row.Number(_readCount, 0, 10_000);
            record.Rating = row.Rating(_rating);
            record.Review = row.LongText(_review);
            row.Tags(CatalogValues.SplitList(row.Raw(_tags), ','), row.Label(_tags));
            var owned = row.Raw(_owned).Trim();
            record.OwnedCopies = owned.ToLowerInvariant() switch
            {
                "yes" => 1,
                "no" => 0,
                "" => null,
                _ => Unknown(row, owned),
            };
        }

        // "Last Date Read" is one day, or a range as "Dates Read" writes them; the latest reading starts the book.
        private void MapDates(CatalogRow row)
        {
            var record = row.Record;
            var readings = row.Raw(_datesRead).Trim();
            if (readings.Length > 0)
            {
                // The whole list has no field of its own: it stays in the extras as written.
                row.Keep(_datesRead);
                if (StoryGraphReadings.Latest(readings) is { } latest)
                {
                    (record.DateStarted, record.DateRead) = (latest.Start, latest.End);
                }
                else
                {
                    row.Warn($"{row.Label(_datesRead)}: '{UserText.Shorten(readings)}' is not a list of readings such as 2024/02/01-2024/02/10; kept in the extras");
                }
            }

            var last = row.Raw(_lastRead).Trim();
            if (last.Contains('-', StringComparison.Ordinal) && StoryGraphReadings.Parse(last) is { Start: not null } range)
            {
                record.DateStarted ??= range.Start;
                record.DateRead = range.End ?? record.DateRead;
            }
            else if (row.Date(_lastRead) is { } day)
            {
                record.DateRead = day;
            }
        }

        private int? Unknown(CatalogRow row, string owned)
        {
            row.Unusable(_owned, "is not Yes or No");
            return null;
        }

        // "Ken Liu (Translator), Jane Doe (Illustrator)"
        private void MapContributors(CatalogRow row)
        {
            foreach (var entry in CatalogValues.SplitNames(row.Raw(_contributors), ','))
            {
                var open = entry.LastIndexOf('(');
                if (open > 0 && entry.EndsWith(')'))
                {
                    var roleText = entry[(open + 1)..^1];
                    row.Credit(entry[..open].Trim(), CatalogValues.Role(roleText), row.Label(_contributors));
                    if (!CatalogValues.IsKnownRole(roleText))
                    {
                        row.Keep(_contributors);
                    }
                }
                else
                {
                    row.Credit(entry, AuthorRole.Contributor, row.Label(_contributors));
                }
            }
        }
    }
}
