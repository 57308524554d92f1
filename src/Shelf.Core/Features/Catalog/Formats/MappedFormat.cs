using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>A column of any CSV and the Shelf field it holds, as <c>--map "Column Name=field"</c> gives it.</summary>
public sealed record ColumnMapping(string Column, string Field)
{
    /// <summary>Reads "Column Name=field"; the column name may itself contain '=' (the last one separates).</summary>
    public static Result<ColumnMapping> Parse(string text)
    {
        var equals = text.LastIndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
        {
            return Error.Invalid(CatalogErrorCodes.BadMapping, $"'{text}' is not a mapping; write it as \"Column Name=field\", e.g. \"Book Title=title\"");
        }

        return new ColumnMapping(text[..equals].Trim(), text[(equals + 1)..].Trim().ToLowerInvariant());
    }
}

/// <summary>
/// Any CSV, read through the user's column mapping. Mapped columns fill their fields; every
/// other column is kept as an extra of the source "csv".
/// </summary>
internal sealed class MappedFormat(IReadOnlyList<ColumnMapping> mappings) : ICatalogFormat
{
    /// <summary>The fields a column can be mapped to, with what they take.</summary>
    public static IReadOnlyDictionary<string, string> Targets { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["title"] = "the title (required)",
        ["subtitle"] = "the subtitle",
        ["author"] = "one person's name; map several columns to add several authors, in order",
        ["authors"] = "several names in one field, separated by ';', ' & ', '/' or ','; authors:SEP names the separator, e.g. authors:/",
        ["translator"] = "translators' names (several split on ';', ' & ' or '/'; translator:SEP names the separator)",
        ["editor"] = "editors' names, split as for translator",
        ["illustrator"] = "illustrators' names, split as for translator",
        ["narrator"] = "narrators' names, split as for translator",
        ["contributor"] = "other contributors' names, split as for translator",
        ["isbn"] = "an ISBN-10 or ISBN-13",
        ["pages"] = "number of pages",
        ["publisher"] = "publisher",
        ["year"] = "year published",
        ["original_year"] = "year first published (negative for BCE)",
        ["language"] = "language",
        ["format"] = "binding or format",
        ["series"] = "series name",
        ["series_number"] = "place in the series",
        ["description"] = "description",
        ["rating"] = "your rating, 0 to 5 stars (0 is unrated)",
        ["status"] = "reading status (want-to-read, reading, read, abandoned or your own)",
        ["date_started"] = "date you started reading",
        ["date_read"] = "date you finished reading",
        ["read_count"] = "how many times you read it",
        ["review"] = "your review",
        ["notes"] = "your private notes",
        ["owned_copies"] = "copies you own",
        ["location"] = "where the book is",
        ["shelves"] = "shelves, separated by commas",
        ["date_added"] = "date you added the book",
        ["id:SCHEME"] = "the book's id in another system, e.g. id:mycatalog; rows that share one are one book, their people added together",
    };

    public string Name => "mapped";

    public string Description => "Any CSV, with a mapping of each column to read onto a field";

    public IReadOnlyList<string> Signature => [.. mappings.Select(m => m.Column)];

    /// <summary>Checks the mapping against the file before any row is read.</summary>
    public Error? Check(CatalogHeader header)
    {
        var missing = mappings.Where(m => !header.Has(m.Column)).Select(m => $"'{m.Column}'").ToList();
        if (missing.Count > 0)
        {
            return Error.Invalid(CatalogErrorCodes.MappingColumnMissing, $"the file has no column {string.Join(", ", missing)}; its columns are {string.Join(", ", header.Names)}");
        }

        var unknown = mappings.Where(m => !IsTarget(m.Field)).Select(m => $"'{m.Field}'").ToList();
        if (unknown.Count > 0)
        {
            return Error.Invalid(CatalogErrorCodes.MappingFieldUnknown, $"{string.Join(", ", unknown)} is not a Shelf field; map to one of {string.Join(", ", Targets.Keys)}");
        }

        return mappings.Any(m => m.Field == "title")
            ? null
            : Error.Invalid(CatalogErrorCodes.MappingNoTitle, "no column is mapped to title, and a book needs a title");
    }

    private static bool IsTarget(string field) =>
        Targets.ContainsKey(field)
        || (field.StartsWith("id:", StringComparison.Ordinal) && field.Length is > 3 and <= 53)
        || (People.ParseField(field) is { Separator: { Length: > 0 and <= 5 } } people && people.Base != "author");

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header, mappings);

    private sealed class Mapper : ICatalogMapper
    {
        private readonly List<(int Column, string Field)> _columns;

        public Mapper(CatalogHeader header, IReadOnlyList<ColumnMapping> mappings)
        {
            _columns = [.. mappings.Select(m => (header.Find(m.Column), m.Field))];
            Fields = CatalogField.Extras;
            foreach (var (_, field) in _columns)
            {
                Fields |= FieldOf(field);
            }

            AddsCredits = _columns.Exists(c => c.Field.StartsWith("id:", StringComparison.Ordinal)) && Fields.HasFlag(CatalogField.Authors);
        }

        public CatalogField Fields { get; }

        public bool AddsCredits { get; }

        public string? ExtrasSource => "csv";

        private static CatalogField FieldOf(string field) => People.ParseField(field) is { } people ? CatalogField.Authors : field switch
        {
            "title" => CatalogField.Title,
            "subtitle" => CatalogField.Subtitle,
            "author" or "authors" => CatalogField.Authors,
            "isbn" => CatalogField.Isbn,
            "pages" => CatalogField.Pages,
            "publisher" => CatalogField.Publisher,
            "year" => CatalogField.YearPublished,
            "original_year" => CatalogField.OriginalPublicationYear,
            "language" => CatalogField.Language,
            "format" => CatalogField.Format,
            "series" or "series_number" => CatalogField.Series,
            "description" => CatalogField.Description,
            "rating" => CatalogField.Rating,
            "status" => CatalogField.Status,
            "date_started" => CatalogField.DateStarted,
            "date_read" => CatalogField.DateRead,
            "read_count" => CatalogField.ReadCount,
            "review" => CatalogField.Review,
            "notes" => CatalogField.PrivateNotes,
            "owned_copies" => CatalogField.OwnedCopies,
            "location" => CatalogField.Location,
            "shelves" => CatalogField.Tags,
            "date_added" => CatalogField.AddedAt,
            _ => CatalogField.Identifiers,
        };

        public void Map(CatalogRow row)
        {
            var record = row.Record;
            foreach (var (column, field) in _columns)
            {
                if (People.ParseField(field) is { } people && people.Base != "author")
                {
                    People.Map(row, column, people);
                    continue;
                }

                switch (field)
                {
                    case "title": row.Title(column); break;
                    case "subtitle": record.Subtitle = row.Text(column, Book.MaxTitleLength); break;
                    case "author":
                        var name = row.Raw(column).Trim();
                        if (name.Length > 0)
                        {
                            row.Credit(name, AuthorRole.Author, row.Label(column));
                        }

                        break;
                    case "isbn": record.Isbn13 ??= row.Isbn(column, restoreZeros: true); break;
                    case "pages": record.Pages = row.Pages(column); break;
                    case "publisher": record.Publisher = row.Text(column); break;
                    case "year": record.YearPublished = row.Year(column); break;
                    case "original_year": record.OriginalPublicationYear = row.Year(column); break;
                    case "language": record.Language = row.Text(column, 50); break;
                    case "format": record.Format = row.Text(column, 100); break;
                    case "series": record.Series = row.Text(column); break;
                    case "series_number": record.SeriesNumber = row.Text(column, 50); break;
                    case "description": record.Description = row.LongText(column); break;
                    case "rating": record.Rating = row.Rating(column); break;
                    case "status": record.Status = row.Text(column, 100); break;
                    case "date_started": record.DateStarted = row.Date(column); break;
                    case "date_read": record.DateRead = row.Date(column); break;
                    case "read_count": record.ReadCount = row.Number(column, 0, 10_000); break;
                    case "review": record.Review = row.LongText(column); break;
                    case "notes": record.PrivateNotes = row.LongText(column); break;
                    case "owned_copies": record.OwnedCopies = row.Number(column, 0, 100_000); break;
                    case "location": record.Location = row.Text(column); break;
                    case "shelves": row.Tags(CatalogValues.SplitList(row.Raw(column), ','), row.Label(column)); break;
                    case "date_added": record.AddedAt = row.Date(column)?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); break;
                    default: row.Identifier(field["id:".Length..].ToLowerInvariant(), column); break;
                }
            }
        }
    }
}
