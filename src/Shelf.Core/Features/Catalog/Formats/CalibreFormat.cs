using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// Calibre's CSV catalog (<c>calibredb catalog books.csv</c>): authors joined with " &amp; ",
/// identifiers as "isbn:…,goodreads:…", ratings in stars, custom columns named "#…" (kept as
/// extras with the cover path, formats, size and library name). The book's uuid is its id.
/// </summary>
internal sealed class CalibreFormat : ICatalogFormat
{
    public string Name => "calibre";

    public string Description => "Calibre CSV catalog (calibredb catalog)";

    public IReadOnlyList<string> Signature { get; } = ["title", "authors", "author_sort", "uuid"];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private readonly int _title = h.Find("title");
        private readonly int _authors = h.Find("authors");
        private readonly int _authorSort = h.Find("author_sort");
        private readonly int _comments = h.Find("comments");
        private readonly int _identifiers = h.Find("identifiers");
        private readonly int _isbn = h.Find("isbn");
        private readonly int _languages = h.Find("languages");
        private readonly int _pubdate = h.Find("pubdate");
        private readonly int _publisher = h.Find("publisher");
        private readonly int _rating = h.Find("rating");
        private readonly int _series = h.Find("series");
        private readonly int _seriesIndex = h.Find("series_index");
        private readonly int _tags = h.Find("tags");
        private readonly int _timestamp = h.Find("timestamp");
        private readonly int _uuid = h.Find("uuid");

        public CatalogField Fields => FieldSet.Of(
            (CatalogField.Title, _title), (CatalogField.Authors, _authors), (CatalogField.Description, _comments),
            (CatalogField.Identifiers, Math.Max(_uuid, _identifiers)), (CatalogField.Isbn, Math.Max(_isbn, _identifiers)),
            (CatalogField.Language, _languages), (CatalogField.YearPublished, _pubdate), (CatalogField.Publisher, _publisher),
            (CatalogField.Rating, _rating), (CatalogField.Series, _series), (CatalogField.Tags, _tags), (CatalogField.AddedAt, _timestamp))
            | CatalogField.Extras;

        public string? ExtrasSource => "calibre";

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            row.Identifier("calibre", _uuid);
            row.Title(_title);
            MapAuthors(row);
            record.Description = row.LongText(_comments);
            MapIdentifiers(row);
            record.Language = row.Text(_languages, 50);

            // pubdate is a full timestamp; Shelf keeps the year, the extras keep the rest.
            var pubdate = row.Raw(_pubdate).Trim();
            if (pubdate.Length > 0 && CatalogValues.TryDate(pubdate, out var published) && published.Year > 101)
            {
                record.YearPublished = published.Year;
                row.Keep(_pubdate, pubdate);
            }
            else if (pubdate.Length > 0)
            {
                row.Keep(_pubdate, pubdate);
            }

            record.Publisher = row.Text(_publisher);
            record.Rating = row.Rating(_rating);
            record.Series = row.Text(_series);
            record.SeriesNumber = record.Series is null ? null : row.Text(_seriesIndex, 50);
            row.Tags(CatalogValues.SplitList(row.Raw(_tags), ','), row.Label(_tags));
            var timestamp = row.Raw(_timestamp).Trim();
            if (timestamp.Length > 0)
            {
                if (DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var added))
                {
                    record.AddedAt = added.UtcDateTime;
                }
                else
                {
                    row.Unusable(_timestamp, "is not a date and time");
                }
            }
        }

        private void MapAuthors(CatalogRow row)
        {
            var names = row.Raw(_authors).Split('&', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var sorts = row.Raw(_authorSort).Split('&', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < names.Length; i++)
            {
                // author_sort ("García Márquez, Gabriel") splits the name better when it is the same person.
                if (i < sorts.Length && AuthorName.TryParse(sorts[i], out var sorted, out _) && row.Name(names[i], row.Label(_authors)) is { } name && sorted.Key == name.Key)
                {
                    row.Record.AddCredit(sorted.ShownAs(name), AuthorRole.Author);
                }
                else
                {
                    row.Credit(names[i], AuthorRole.Author, row.Label(_authors));
                }
            }
        }

        private void MapIdentifiers(CatalogRow row)
        {
            row.Record.Isbn13 = row.Isbn(_isbn);
            var kept = false;
            foreach (var pair in CatalogValues.SplitList(row.Raw(_identifiers), ','))
            {
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                var scheme = colon > 0 ? pair[..colon].Trim().ToLowerInvariant() : string.Empty;
                var value = colon > 0 ? pair[(colon + 1)..].Trim() : string.Empty;
                if (scheme == "isbn" && CatalogValues.Isbn(value, restoreZeros: false, out _) is { } isbn)
                {
                    row.Record.Isbn13 ??= isbn;
                }
                else if (scheme.Length is > 0 and <= 50 && value.Length is > 0 and <= 200 && scheme != "calibre")
                {
                    row.Record.AddIdentifier(scheme, value);
                }
                else if (!kept)
                {
                    row.Keep(_identifiers);
                    kept = true;
                }
            }
        }
    }
}
