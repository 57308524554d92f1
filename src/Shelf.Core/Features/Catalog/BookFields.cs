using System.Globalization;
using System.Text.Json;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Catalog.Export;
using Shelf.Core.Features.Catalog.Matching;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog;

/// <summary>
/// Every field of a book, declared once, in the order of Shelf's CSV export: the bulk writers'
/// columns and values, the differences an import reports, what an update applies, the CSV
/// export's columns and values, the JSON export and reader's keys and the lines a book is shown
/// with all come from here. Adding a field is:
/// the entity, its configuration, one row here, a migration (<c>BookFieldsTests</c> fails while
/// the rows and the EF model's <c>books</c> columns disagree).
/// </summary>
internal static class BookFields
{
    public static readonly SpecialField Id = new("id", CatalogField.None)
    {
        WriteNew = static (_, row) => row.Id(),
        JsonAs = static (w, b) => w.WriteNumber("id", b.Id),
        Shown = "Id",
        ShowAs = static b => b.Id.ToString(CultureInfo.InvariantCulture),
    };

    public static readonly TextField Title = new("title", CatalogField.Title, static b => b.Title, static r => r.Title, apply: null)
    {
        ReadBack = static (c, i) => c.Row.Title(i),
        Label = "title", JsonName = "title", Difference = "title", Shown = "Title",
    };

    public static readonly TextField TitleKey = new("title_key", CatalogField.None, static b => b.TitleKey, static r => r.TitleKey, apply: null);

    public static readonly TextField Subtitle = new("subtitle", CatalogField.Subtitle, static b => b.Subtitle, static r => r.Subtitle, static (b, v) => b.Subtitle = v)
    {
        ReadBack = static (c, i) => c.Record.Subtitle = c.Row.Text(i, Book.MaxTitleLength),
        Label = "subtitle", JsonName = "subtitle", Difference = "subtitle", Shown = "Subtitle",
    };

    public static readonly SpecialField Authors = new(null, CatalogField.Authors)
    {
        ReadBack = ShelfCsvLayout.ReadCredits,
        Label = "authors",
        Difference = "authors",
        Compare = static (b, r, _) => !RecordDifferences.SameCredits(b, r),
        ExportAs = static b => ShelfCsvLayout.FormatCredits(ExportValues.Credits(b).Select(a => (a.Author.SortName, a.Role))),
        JsonAs = static (w, b) =>
        {
            w.WriteStartArray("credits");
            foreach (var credit in ExportValues.Credits(b))
            {
                w.WriteStartObject();
                w.WriteString("name", credit.Author.Name);
                w.WriteString("sortName", credit.Author.SortName);
                w.WriteString("role", credit.Role.ToString().ToLowerInvariant());
                w.WriteEndObject();
            }

            w.WriteEndArray();
        },
        Shown = "Authors",
        ShowAs = static b => string.Join(", ", ExportValues.Credits(b).Select(c => c.Role == AuthorRole.Author ? c.Author.Name : $"{c.Author.Name} ({c.Role.ToString().ToLowerInvariant()})")),
    };

    public static readonly TextField Isbn13 = new("isbn13", CatalogField.Isbn, static b => b.Isbn13, static r => r.Isbn13, apply: null)
    {
        ReadBack = static (c, i) => c.Record.Isbn13 = c.Row.Isbn(i),
        Label = "isbn13", JsonName = "isbn13", Difference = "isbn", OnlyWhenGiven = true,

        // The ISBN-10 is written beside it for readers that want it; an import works it out again.
        JsonAs = static (w, b) =>
        {
            WriteText(w, "isbn13", b.Isbn13);
            WriteText(w, "isbn10", Isbn10(b));
        },
        LinesAs = static b => b.Isbn13 is null ? [] : Isbn10(b) is { } isbn10 ? [new("ISBN-13", b.Isbn13), new("ISBN-10", isbn10)] : [new("ISBN-13", b.Isbn13)],
    };

    public static readonly TextField Publisher = new("publisher", CatalogField.Publisher, static b => b.Publisher, static r => r.Publisher, static (b, v) => b.Publisher = v)
    {
        ReadBack = static (c, i) => c.Record.Publisher = c.Row.Text(i),
        Label = "publisher", JsonName = "publisher", Difference = "publisher", Shown = "Publisher",
    };

    public static readonly IntegerField YearPublished = new("year_published", CatalogField.YearPublished, static b => b.YearPublished, static r => r.YearPublished, static (b, v) => b.YearPublished = v)
    {
        ReadBack = static (c, i) => c.Record.YearPublished = c.Row.Year(i),
        Label = "year_published", JsonName = "yearPublished", Difference = "year", Shown = "Year",
    };

    public static readonly IntegerField OriginalPublicationYear = new("original_publication_year", CatalogField.OriginalPublicationYear, static b => b.OriginalPublicationYear, static r => r.OriginalPublicationYear, static (b, v) => b.OriginalPublicationYear = v)
    {
        ReadBack = static (c, i) => c.Record.OriginalPublicationYear = c.Row.Year(i),
        Label = "original_publication_year", JsonName = "originalPublicationYear", Difference = "original year", Shown = "First published",
    };

    public static readonly TextField Language = new("language", CatalogField.Language, static b => b.Language, static r => r.Language, static (b, v) => b.Language = v)
    {
        ReadBack = static (c, i) => c.Record.Language = c.Row.Text(i, 50),
        Label = "language", JsonName = "language", Difference = "language", Shown = "Language",
    };

    public static readonly TextField Format = new("format", CatalogField.Format, static b => b.Format, static r => r.Format, static (b, v) => b.Format = v)
    {
        ReadBack = static (c, i) => c.Record.Format = c.Row.Text(i, 100),
        Label = "format", JsonName = "format", Difference = "format", Shown = "Format",
    };

    public static readonly IntegerField Pages = new("pages", CatalogField.Pages, static b => b.Pages, static r => r.Pages, static (b, v) => b.Pages = v)
    {
        ReadBack = static (c, i) => c.Record.Pages = c.Row.Pages(i),
        Label = "pages", JsonName = "pages", Difference = "pages", Shown = "Pages",
    };

    public static readonly TextField Series = new("series", CatalogField.Series, static b => b.Series, static r => r.Series, static (b, v) => b.Series = v)
    {
        ReadBack = static (c, i) => c.Record.Series = c.Row.Text(i),
        Label = "series", JsonName = "series", Difference = "series", Shown = "Series",
        ShowAs = static b => b.Series is null ? null : b.SeriesNumber is null ? b.Series : $"{b.Series} #{b.SeriesNumber}",
    };

    public static readonly TextField SeriesNumber = new("series_number", CatalogField.Series, static b => b.SeriesNumber, static r => r.SeriesNumber, static (b, v) => b.SeriesNumber = v)
    {
        ReadBack = static (c, i) => c.Record.SeriesNumber = c.Row.Text(i, 50),
        Label = "series_number", JsonName = "seriesNumber", Difference = "series",
    };

    public static readonly TextField Description = new("description", CatalogField.Description, static b => b.Description, static r => r.Description, static (b, v) => b.Description = v)
    {
        ReadBack = static (c, i) => c.Record.Description = c.Row.LongText(i),
        Label = "description", JsonName = "description", Difference = "description", Shown = "Description",
    };

    public static readonly BigintField ListPriceMinor = new("list_price_minor", CatalogField.ListPrice, static b => b.ListPriceMinor, static r => r.ListPriceMinor, static (b, v) => b.ListPriceMinor = v)
    {
        // Read with the currency, which needs both columns.
        ReadBack = static (_, _) => { },
        Label = "list_price_minor", JsonName = "listPriceMinor", Difference = "list price", JsonOmitsEmpty = true, Shown = "List price",
        ShowAs = static b => b is { ListPriceMinor: { } minor, ListPriceCurrency: { } currency } ? $"{Money.Format(minor, currency)} {currency}" : null,
    };

    public static readonly TextField ListPriceCurrency = new("list_price_currency", CatalogField.ListPrice, static b => b.ListPriceCurrency, static r => r.ListPriceCurrency, static (b, v) => b.ListPriceCurrency = v)
    {
        ReadBack = static (c, i) => ShelfCsvLayout.ReadPrice(c, c.Of(ListPriceMinor), i),
        Label = "list_price_currency", JsonName = "listPriceCurrency", Difference = "list price", JsonOmitsEmpty = true,
    };

    public static readonly IntegerField Rating = new("rating", CatalogField.Rating, static b => b.Rating, static r => r.Rating, static (b, v) => b.Rating = v)
    {
        ReadBack = static (c, i) => c.Record.Rating = c.Row.Rating(i),
        Label = "rating", JsonName = "rating", Difference = "rating", Shown = "Rating",
        ShowAs = static b => b.Rating is { } stars ? $"{new string('★', stars)}{new string('☆', 5 - stars)} ({stars}/5)" : null,
    };

    public static readonly TextField Status = new("status", CatalogField.Status, static b => b.Status, static r => r.Status, static (b, v) => b.Status = v)
    {
        ReadBack = static (c, i) => c.Record.Status = c.Row.Text(i, 100),
        Label = "status", JsonName = "status", Difference = "status", Shown = "Status",
    };

    public static readonly DayField DateStarted = new("date_started", CatalogField.DateStarted, static b => b.DateStarted, static r => r.DateStarted, static (b, v) => b.DateStarted = v)
    {
        ReadBack = static (c, i) => c.Record.DateStarted = c.Row.Date(i),
        Label = "date_started", JsonName = "dateStarted", Difference = "date started", Shown = "Started",
    };

    public static readonly DayField DateRead = new("date_read", CatalogField.DateRead, static b => b.DateRead, static r => r.DateRead, static (b, v) => b.DateRead = v)
    {
        ReadBack = static (c, i) => c.Record.DateRead = c.Row.Date(i),
        Label = "date_read", JsonName = "dateRead", Difference = "date read", Shown = "Read",
    };

    /// <summary>A file that does not say how often the book was read means never (0), on a new book and in a comparison alike.</summary>
    public static readonly IntegerField ReadCount = new("read_count", CatalogField.ReadCount, static b => b.ReadCount, static r => r.ReadCount ?? 0, static (b, v) => b.ReadCount = v ?? 0)
    {
        ReadBack = static (c, i) => c.Record.ReadCount = c.Row.Number(i, 0, 10_000),
        Label = "read_count", JsonName = "readCount", Difference = "read count", Shown = "Times read",
        ShowAs = static b => b.ReadCount > 0 ? ExportValues.Number(b.ReadCount) : null,
    };

    public static readonly TextField Review = new("review", CatalogField.Review, static b => b.Review, static r => r.Review, static (b, v) => b.Review = v)
    {
        ReadBack = static (c, i) => c.Record.Review = c.Row.LongText(i),
        Label = "review", JsonName = "review", Difference = "review", Shown = "Review",
    };

    public static readonly TextField PrivateNotes = new("private_notes", CatalogField.PrivateNotes, static b => b.PrivateNotes, static r => r.PrivateNotes, static (b, v) => b.PrivateNotes = v)
    {
        ReadBack = static (c, i) => c.Record.PrivateNotes = c.Row.LongText(i),
        Label = "private_notes", JsonName = "privateNotes", Difference = "private notes", Shown = "Private notes",
    };

    public static readonly IntegerField OwnedCopies = new("owned_copies", CatalogField.OwnedCopies, static b => b.OwnedCopies, static r => r.OwnedCopies, static (b, v) => b.OwnedCopies = v)
    {
        ReadBack = static (c, i) => c.Record.OwnedCopies = c.Row.Number(i, 0, 100_000),
        Label = "owned_copies", JsonName = "ownedCopies", Difference = "owned copies", Shown = "Copies owned",
    };

    public static readonly TextField Location = new("location", CatalogField.Location, static b => b.Location, static r => r.Location, static (b, v) => b.Location = v)
    {
        ReadBack = static (c, i) => c.Record.Location = c.Row.Text(i),
        Label = "location", JsonName = "location", Difference = "location", Shown = "Location",
    };

    public static readonly SpecialField Shelves = new(null, CatalogField.Tags)
    {
        ReadBack = static (c, i) => c.Row.Tags(CatalogValues.SplitList(c.Row.Raw(i), ';'), c.Row.Label(i)),
        Label = "shelves",
        Difference = "shelves",
        Compare = static (b, r, _) => RecordDifferences.MissingTags(b, r).Any(),
        ExportAs = static b => string.Join(ShelfCsvLayout.ListSeparator, ExportValues.Shelves(b)),
        JsonAs = static (w, b) =>
        {
            w.WriteStartArray("shelves");
            foreach (var shelf in ExportValues.Shelves(b))
            {
                w.WriteStringValue(shelf);
            }

            w.WriteEndArray();
        },
        Shown = "Shelves",
        ShowAs = static b => string.Join(", ", ExportValues.Shelves(b)),
    };

    public static readonly SpecialField Identifiers = new(null, CatalogField.Identifiers)
    {
        ReadBack = ShelfCsvLayout.ReadIdentifiers,
        Label = "identifiers",
        Difference = "ids",
        Compare = static (b, r, _) => RecordDifferences.MissingIdentifiers(b, r).Any(),
        ExportAs = static b => ShelfCsvLayout.FormatIdentifiers(ExportValues.Identifiers(b).Select(i => (i.Scheme, i.Value))),
        JsonAs = static (w, b) =>
        {
            w.WriteStartObject("identifiers");
            foreach (var scheme in ExportValues.Identifiers(b).GroupBy(i => i.Scheme))
            {
                // A scheme usually has one id; a book merged from two records can have more.
                if (scheme.Count() == 1)
                {
                    w.WriteString(scheme.Key, scheme.Single().Value);
                }
                else
                {
                    w.WriteStartArray(scheme.Key);
                    foreach (var id in scheme)
                    {
                        w.WriteStringValue(id.Value);
                    }

                    w.WriteEndArray();
                }
            }

            w.WriteEndObject();
        },
        Shown = "Ids",
        ShowAs = static b => string.Join(", ", ExportValues.Identifiers(b).Select(i => $"{i.Scheme}:{i.Value}")),
    };

    /// <summary>A file's own date added is kept; a new book without one was added at the import's moment.</summary>
    public static readonly SpecialField DateAdded = new("added_at", CatalogField.AddedAt)
    {
        ValueAs = static b => b.AddedAt,
        ReadBack = ShelfCsvLayout.ReadAdded,
        Label = "date_added",
        JsonName = "addedAt",
        Difference = "date added",
        OnlyWhenGiven = true,
        WriteNew = static (r, row) => row.AddedAt(r.AddedAt),
        Compare = static (b, r, _) => r.AddedAt is { } added && b.AddedAt != added,
        ApplyTo = static (b, r) =>
        {
            if (r.AddedAt is { } added)
            {
                b.AddedAt = added;
            }
        },
        ExportAs = static b => ExportValues.Moment(b.AddedAt),
        JsonAs = static (w, b) => w.WriteString("addedAt", ExportValues.Moment(b.AddedAt)),
        Shown = "Added",
        ShowAs = static b => ShownMoment(b.AddedAt),
    };

    public static readonly SpecialField UpdatedAt = new("updated_at", CatalogField.None)
    {
        ValueAs = static b => b.UpdatedAt,
        WriteNew = static (_, row) => row.UpdatedAt(),
        JsonAs = static (w, b) => w.WriteString("updatedAt", ExportValues.Moment(b.UpdatedAt)),
        Shown = "Updated",
        ShowAs = static b => ShownMoment(b.UpdatedAt),
    };

    public static readonly SpecialField Extras = new("extras", CatalogField.Extras)
    {
        ValueAs = static b => b.Extras,
        ReadBack = ShelfCsvLayout.ReadExtras,
        Label = "extras",
        Difference = "extras",
        WriteNew = static (r, row) => row.Extras(r),
        Compare = static (b, r, source) => !RecordDifferences.SameExtras(b, r, source),
        ExportAs = static b => b.Extras,

        // Extras as objects, one per source, rather than the JSON text the CSV carries.
        JsonAs = static (w, b) =>
        {
            w.WriteStartObject("extras");
            var extras = BookExtras.Parse(b.Extras);
            foreach (var source in extras.Sources)
            {
                w.WriteStartObject(source);
                foreach (var field in extras.For(source))
                {
                    w.WriteString(field.Key, field.Value);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        },
        LinesAs = static b => BookExtras.Parse(b.Extras).All.Where(e => e.Value.Length > 0).Select(e => new BookLine($"{e.Source}: {e.Name}", e.Value)),
    };

    /// <summary>Every field, in the order of Shelf's CSV export.</summary>
    public static readonly BookField[] All =
    [
        Id, Title, TitleKey, Subtitle, Authors, Isbn13, Publisher, YearPublished, OriginalPublicationYear, Language, Format, Pages,
        Series, SeriesNumber, Description, ListPriceMinor, ListPriceCurrency, Rating, Status, DateStarted, DateRead, ReadCount,
        Review, PrivateNotes, OwnedCopies, Location, Shelves, Identifiers, DateAdded, UpdatedAt, Extras,
    ];

    /// <summary>The fields stored in <c>books</c>, in the order the bulk writers give their values.</summary>
    public static readonly BookField[] Columns = [.. All.Where(f => f.Column is not null)];

    /// <summary>The columns a one-book insert gives: all but the id, which the database hands out.</summary>
    public static readonly BookField[] Inserted = [.. Columns.Where(f => f != Id)];

    /// <summary>The columns of <c>books</c> as a bulk writer lists them: "id, title, ...".</summary>
    public static readonly string ColumnList = string.Join(", ", Columns.Select(f => f.Column));

    /// <summary>
    /// The fields a book is shown with, in the order a person reads them (what it is, then the
    /// edition, then one's own copy); <c>BookFieldsTests</c> checks every field with a line is here.
    /// </summary>
    public static readonly BookField[] ShownInOrder =
    [
        Id, Title, Subtitle, Authors, Pages, Isbn13, YearPublished, Publisher, OriginalPublicationYear, Language, Format, Series,
        Description, Status, Rating, ListPriceMinor, Shelves, DateStarted, DateRead, ReadCount, OwnedCopies, Location, Review, PrivateNotes,
        Identifiers, DateAdded, UpdatedAt, Extras,
    ];

    /// <summary>The fields an import compares.</summary>
    public static readonly BookField[] Compared = [.. All.Where(f => f.Difference is not null)];

    /// <summary>The columns of Shelf's CSV export.</summary>
    public static readonly BookField[] Exported = [.. All.Where(f => f.Label is not null)];

    /// <summary>The lines a book is shown with, field by field in <see cref="ShownInOrder"/>.</summary>
    public static IReadOnlyList<BookLine> LinesOf(Book book) => [.. ShownInOrder.SelectMany(f => f.Lines(book))];

    private static string? Isbn10(Book book) => book.Isbn13 is null ? null : Isbn.Parse(book.Isbn13).ToIsbn10();

    private static string ShownMoment(DateTime value) => value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static void WriteText(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
