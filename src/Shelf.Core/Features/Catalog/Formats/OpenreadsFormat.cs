using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// Openreads' CSV export: statuses <c>finished</c>, <c>in_progress</c>, <c>planned</c>,
/// <c>abandoned</c> (and <c>unknown</c>, no status), ratings in half stars, tags joined with
/// "|||||", and every reading in <c>readings</c> as "start|finish|milliseconds" (ISO 8601 times,
/// readings joined with ';'): the latest one gives the start date and the date read, their count
/// the read count. The Open Library id (<c>olid</c>) is an id; favourite, deleted and the list of
/// readings are extras.
/// </summary>
internal sealed class OpenreadsFormat : ICatalogFormat
{
    public string Name => "openreads";

    public string Description => "Openreads CSV export";

    public IReadOnlyList<string> Signature { get; } = ["title", "subtitle", "author", "status", "readings", "book_format"];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private readonly int _title = h.Find("title");
        private readonly int _subtitle = h.Find("subtitle");
        private readonly int _author = h.Find("author");
        private readonly int _description = h.Find("description");
        private readonly int _status = h.Find("status");
        private readonly int _rating = h.Find("rating");
        private readonly int _pages = h.Find("pages");
        private readonly int _publisher = h.Find("publisher");
        private readonly int _year = h.Find("publication_year");
        private readonly int _isbn = h.Find("isbn");
        private readonly int _olid = h.Find("olid");
        private readonly int _tags = h.Find("tags");
        private readonly int _review = h.Find("my_review");
        private readonly int _notes = h.Find("notes");
        private readonly int _format = h.Find("book_format");
        private readonly int _readings = h.Find("readings");
        private readonly int _added = h.Find("date_added");

        public CatalogField Fields => FieldSet.Of(
            (CatalogField.Title, _title), (CatalogField.Subtitle, _subtitle), (CatalogField.Authors, _author), (CatalogField.Description, _description),
            (CatalogField.Status, _status), (CatalogField.Rating, _rating), (CatalogField.Pages, _pages), (CatalogField.Publisher, _publisher),
            (CatalogField.YearPublished, _year), (CatalogField.Isbn, _isbn), (CatalogField.Identifiers, _olid), (CatalogField.Tags, _tags),
            (CatalogField.Review, _review), (CatalogField.PrivateNotes, _notes), (CatalogField.Format, _format), (CatalogField.DateStarted, _readings),
            (CatalogField.DateRead, _readings), (CatalogField.ReadCount, _readings), (CatalogField.AddedAt, _added))
            | CatalogField.Extras;

        public string? ExtrasSource => "openreads";

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            row.Title(_title);
            record.Subtitle = row.Text(_subtitle);
            foreach (var name in CatalogValues.SplitNames(row.Raw(_author), ','))
            {
                row.Credit(name, AuthorRole.Author, row.Label(_author));
            }

            record.Description = row.LongText(_description);
            var status = row.Text(_status, 100);
            record.Status = string.Equals(status, "unknown", StringComparison.OrdinalIgnoreCase) ? null : status;
            record.Rating = row.Rating(_rating);
            record.Pages = row.Pages(_pages);
            record.Publisher = row.Text(_publisher);
            record.YearPublished = row.Year(_year);
            record.Isbn13 = row.Isbn(_isbn);
            row.Identifier("openlibrary", _olid);
            var tags = row.Raw(_tags);
            row.Tags(tags.Contains("|||||", StringComparison.Ordinal) ? tags.Split("|||||", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : CatalogValues.SplitList(tags, ','), row.Label(_tags));
            record.Review = row.LongText(_review);
            record.PrivateNotes = row.LongText(_notes);
            record.Format = row.Text(_format, 100);
            record.AddedAt = row.Date(_added)?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            MapReadings(row);
        }

        private void MapReadings(CatalogRow row)
        {
            var text = row.Raw(_readings).Trim();
            if (text.Length == 0)
            {
                return;
            }

            // The list itself (and each reading's time) has no field: it stays in the extras as written.
            row.Keep(_readings);
            var readings = new List<ReadingDates>();
            foreach (var reading in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = reading.Split('|');
                DateOnly? start = parts[0].Length > 0 && CatalogValues.TryDate(parts[0], out var s) ? s : null;
                DateOnly? end = parts.Length > 1 && parts[1].Length > 0 && CatalogValues.TryDate(parts[1], out var e) ? e : null;
                if ((parts[0].Length > 0 && start is null) || (parts.Length > 1 && parts[1].Length > 0 && end is null))
                {
                    row.Warn($"{row.Label(_readings)}: '{Common.UserText.Shorten(reading)}' is not a reading such as 2024-02-01T00:00:00.000|2024-02-10T00:00:00.000|; kept in the extras");
                    continue;
                }

                if (start is not null || end is not null)
                {
                    readings.Add(new ReadingDates(start, end));
                }
            }

            if (ReadingDates.Latest(readings) is not { } latest)
            {
                return;
            }

            (row.Record.DateStarted, row.Record.DateRead) = (latest.Start, latest.End);
            row.Record.ReadCount = readings.Count(r => r.End is not null);
        }
    }
}
