using System.Globalization;
using System.Text.Json;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// Shelf's own CSV export (<c>shelf export --format csv</c>): every field of a book, its shelves,
/// its ids in other systems and the extras of every source, so export and import round-trip.
/// </summary>
internal sealed class ShelfFormat : ICatalogFormat
{
    public string Name => "shelf";

    public string Description => "Shelf's own CSV export";

    public IReadOnlyList<string> Signature { get; } = [BookFields.Title.CsvColumn, BookFields.Authors.CsvColumn, BookFields.Isbn13.CsvColumn, BookFields.Identifiers.CsvColumn, BookFields.Extras.CsvColumn];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private readonly int _title = h.Find(BookFields.Title.CsvColumn);
        private readonly int _subtitle = h.Find(BookFields.Subtitle.CsvColumn);
        private readonly int _authors = h.Find(BookFields.Authors.CsvColumn);
        private readonly int _isbn = h.Find(BookFields.Isbn13.CsvColumn);
        private readonly int _publisher = h.Find(BookFields.Publisher.CsvColumn);
        private readonly int _year = h.Find(BookFields.YearPublished.CsvColumn);
        private readonly int _originalYear = h.Find(BookFields.OriginalPublicationYear.CsvColumn);
        private readonly int _language = h.Find(BookFields.Language.CsvColumn);
        private readonly int _format = h.Find(BookFields.Format.CsvColumn);
        private readonly int _pages = h.Find(BookFields.Pages.CsvColumn);
        private readonly int _series = h.Find(BookFields.Series.CsvColumn);
        private readonly int _seriesNumber = h.Find(BookFields.SeriesNumber.CsvColumn);
        private readonly int _description = h.Find(BookFields.Description.CsvColumn);
        private readonly int _priceMinor = h.Find(BookFields.ListPriceMinor.CsvColumn);
        private readonly int _priceCurrency = h.Find(BookFields.ListPriceCurrency.CsvColumn);
        private readonly int _rating = h.Find(BookFields.Rating.CsvColumn);
        private readonly int _status = h.Find(BookFields.Status.CsvColumn);
        private readonly int _dateStarted = h.Find(BookFields.DateStarted.CsvColumn);
        private readonly int _dateRead = h.Find(BookFields.DateRead.CsvColumn);
        private readonly int _readCount = h.Find(BookFields.ReadCount.CsvColumn);
        private readonly int _review = h.Find(BookFields.Review.CsvColumn);
        private readonly int _notes = h.Find(BookFields.PrivateNotes.CsvColumn);
        private readonly int _owned = h.Find(BookFields.OwnedCopies.CsvColumn);
        private readonly int _location = h.Find(BookFields.Location.CsvColumn);
        private readonly int _shelves = h.Find(BookFields.Shelves.CsvColumn);
        private readonly int _identifiers = h.Find(BookFields.Identifiers.CsvColumn);
        private readonly int _added = h.Find(BookFields.DateAdded.CsvColumn);
        private readonly int _extras = h.Find(BookFields.Extras.CsvColumn);

        public CatalogField Fields => FieldSet.Of(
            (CatalogField.Title, _title), (CatalogField.Subtitle, _subtitle), (CatalogField.Authors, _authors), (CatalogField.Isbn, _isbn),
            (CatalogField.Publisher, _publisher), (CatalogField.YearPublished, _year), (CatalogField.OriginalPublicationYear, _originalYear),
            (CatalogField.Language, _language), (CatalogField.Format, _format), (CatalogField.Pages, _pages), (CatalogField.Series, _series),
            (CatalogField.Description, _description), (CatalogField.ListPrice, _priceMinor), (CatalogField.Rating, _rating),
            (CatalogField.Status, _status), (CatalogField.DateStarted, _dateStarted), (CatalogField.DateRead, _dateRead),
            (CatalogField.ReadCount, _readCount), (CatalogField.Review, _review), (CatalogField.PrivateNotes, _notes),
            (CatalogField.OwnedCopies, _owned), (CatalogField.Location, _location), (CatalogField.Tags, _shelves),
            (CatalogField.Identifiers, _identifiers), (CatalogField.AddedAt, _added), (CatalogField.Extras, _extras));

        public string? ExtrasSource => null;

        public bool DecodesEntities => false;

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            record.ListedOnce = true;
            row.Title(_title);
            record.Subtitle = row.Text(_subtitle, Book.MaxTitleLength);
            foreach (var (name, role) in ShelfCsvLayout.ParseCredits(row.Raw(_authors)))
            {
                row.Credit(name, role, row.Label(_authors));
            }

            record.Isbn13 = row.Isbn(_isbn);
            record.Publisher = row.Text(_publisher);
            record.YearPublished = row.Year(_year);
            record.OriginalPublicationYear = row.Year(_originalYear);
            record.Language = row.Text(_language, 50);
            record.Format = row.Text(_format, 100);
            record.Pages = row.Pages(_pages);
            record.Series = row.Text(_series);
            record.SeriesNumber = row.Text(_seriesNumber, 50);
            record.Description = row.LongText(_description);
            MapPrice(row);
            record.Rating = row.Rating(_rating);
            record.Status = row.Text(_status, 100);
            record.DateStarted = row.Date(_dateStarted);
            record.DateRead = row.Date(_dateRead);
            record.ReadCount = row.Number(_readCount, 0, 10_000);
            record.Review = row.LongText(_review);
            record.PrivateNotes = row.LongText(_notes);
            record.OwnedCopies = row.Number(_owned, 0, 100_000);
            record.Location = row.Text(_location);
            row.Tags(CatalogValues.SplitList(row.Raw(_shelves), ';'), row.Label(_shelves));
            foreach (var (scheme, value) in ShelfCsvLayout.ParseIdentifiers(row.Raw(_identifiers)))
            {
                if (scheme.Length is > 0 and <= 50 && value.Length is > 0 and <= 200)
                {
                    record.AddIdentifier(scheme, value);
                }
                else
                {
                    row.Warn($"{row.Label(_identifiers)}: '{UserText.Shorten($"{scheme}:{value}")}' is not an id (scheme:value, at most 50 and 200 characters); kept in the extras");
                    row.Keep(_identifiers);
                }
            }

            MapAdded(row);
            MapExtras(row);
        }

        private void MapPrice(CatalogRow row)
        {
            var minor = row.Raw(_priceMinor).Trim();
            var currency = row.Raw(_priceCurrency).Trim().ToUpperInvariant();
            if (minor.Length == 0 && currency.Length == 0)
            {
                return;
            }

            if (!long.TryParse(minor, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || currency.Length != 3)
            {
                row.Warn($"{row.Label(_priceMinor)} and {row.Label(_priceCurrency)}: '{UserText.Shorten(minor)}' '{UserText.Shorten(currency)}' is not a whole number of cents and a currency code such as EUR; left empty, kept in the extras");
                row.Keep(_priceMinor);
                row.Keep(_priceCurrency);
                return;
            }

            row.Record.ListPriceMinor = amount;
            row.Record.ListPriceCurrency = currency;
        }

        private void MapAdded(CatalogRow row)
        {
            var text = row.Raw(_added).Trim();
            if (text.Length == 0)
            {
                return;
            }

            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var added))
            {
                row.Record.AddedAt = added;
            }
            else
            {
                row.Unusable(_added, "is not a date and time such as 2024-10-06T12:00:00Z");
            }
        }

        private void MapExtras(CatalogRow row)
        {
            var json = row.Raw(_extras).Trim();
            if (json.Length == 0)
            {
                return;
            }

            try
            {
                foreach (var (source, name, value) in BookExtras.Parse(json).All)
                {
                    row.Record.Extras.Add(source, name, value);
                }
            }
            catch (JsonException e)
            {
                row.Warn($"{row.Label(_extras)} is not a JSON object of sources and fields ({e.Message}); kept as text in the extras");
                row.Keep(_extras);
            }
        }
    }
}
