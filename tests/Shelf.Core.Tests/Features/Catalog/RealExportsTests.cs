using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// Imports real exports (tests/data, and ../shared/data where present) and checks counts and field values against what
/// Visual Basic's TextFieldParser reads from the same files, never against Shelf's own reader.
/// </summary>
public abstract class RealExportsTests(DatabaseFixture fixture)
{
    private const string Goodreads24 = "goodreads_export__BH-BH__goodreads_library_export.csv";
    private const string Goodreads31 = "goodreads_export__evilsocket__goodreads_library_export.csv";
    private const string Goodbooks = "goodbooks-10k__books.csv";
    private const string LibraryThing = "librarything__robdmc__LibraryThing_export.csv";

    [Theory]
    [RealExportData(Goodreads24)]
    [RealExportData(Goodreads31)]
    public async Task Goodreads_EveryRowLandsWithEveryField(string file)
    {
        var path = CatalogImports.SharedFile(file);
        var rows = CatalogImports.ReadRows(path);
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, path);

        var expectedWarnings = rows.Count(r => IsbnOracle.IsUnusable(r["ISBN13"])) + rows.Count(r => IsbnOracle.IsUnusable(r["ISBN"]));
        Assert.Equal(("goodreads", (long)rows.Count, (long)rows.Count, 0L, (long)expectedWarnings), (summary.Format, summary.Read, summary.Added, summary.Rejected, summary.Warnings));
        var books = await LoadByIdentifierAsync(db, "goodreads");
        foreach (var row in rows)
        {
            var book = books[row["Book Id"]];
            var context = $"Book Id {row["Book Id"]}";
            Assert.True(CatalogImports.Collapse(row["Title"]) == book.Title, context);
            var authors = new[] { row["Author"] }.Concat(row["Additional Authors"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Select(CatalogImports.Collapse).ToList();
            Assert.Equal(authors, book.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name).ToList());
            Assert.Equal(IsbnOracle.Read(row["ISBN13"]) ?? IsbnOracle.Read(row["ISBN"]), book.Isbn13);
            Assert.Equal(row["My Rating"] == "0" ? null : int.Parse(row["My Rating"], CultureInfo.InvariantCulture), book.Rating);
            Assert.Equal(row["Exclusive Shelf"] switch { "to-read" => "want-to-read", "currently-reading" => "reading", var s => s }, book.Status);
            Assert.Equal(Number(row["Number of Pages"]) is 0 ? null : Number(row["Number of Pages"]), book.Pages);
            Assert.Equal(Number(row["Year Published"]), book.YearPublished);
            Assert.Equal(Number(row["Original Publication Year"]), book.OriginalPublicationYear);
            Assert.Equal(Day(row["Date Read"]), book.DateRead);
            Assert.Equal(Day(row["Date Added"])!.Value.ToDateTime(TimeOnly.MinValue), book.AddedAt);
            Assert.Equal(int.Parse(row["Read Count"], CultureInfo.InvariantCulture), book.ReadCount);
            Assert.Equal(Number(row["Owned Copies"]), book.OwnedCopies);
            Assert.Equal(NullIfEmpty(row["My Review"].Trim()), book.Review);
            Assert.Equal(NullIfEmpty(CatalogImports.Collapse(System.Net.WebUtility.HtmlDecode(row["Publisher"]))), book.Publisher); // "Brinkmann &amp; Bose"
            Assert.Equal(NullIfEmpty(row["Binding"]), book.Format);
            var shelves = row["Bookshelves"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(s => s != row["Exclusive Shelf"]).Order().ToList();
            Assert.Equal(shelves, book.Tags.Select(t => t.Tag.Name).Order().ToList());

            // No Shelf field: kept as extras under the column's name.
            var extras = BookExtras.Parse(book.Extras);
            Assert.Equal(row["Average Rating"], extras.Get("goodreads", "Average Rating"));
            Assert.Equal(NullIfEmpty(row["Bookshelves with positions"]), extras.Get("goodreads", "Bookshelves with positions"));
        }
    }

    [RealExportFact(Goodbooks)]
    public async Task Goodbooks_EveryRowLandsWithAuthorsIdsAndRestoredIsbns()
    {
        var path = CatalogImports.SharedFile(Goodbooks);
        var rows = CatalogImports.ReadRows(path);
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, path);

        var expectedWarnings = rows.Count(r => IsbnOracle.IsUnusable(r["isbn13"])) + rows.Count(r => IsbnOracle.IsUnusable(r["isbn"], padZeros: true));
        Assert.Equal(("goodbooks", 10_000L, 10_000L, 0L, (long)expectedWarnings), (summary.Format, summary.Read, summary.Added, summary.Rejected, summary.Warnings));
        Assert.All(summary.WarningRows.Take(5), w => Assert.Contains("scientific notation", w.Message, StringComparison.Ordinal));
        Assert.Equal(20_000, await db.BookIdentifiers.CountAsync());
        var books = await LoadByIdentifierAsync(db, "goodbooks");
        foreach (var row in rows)
        {
            var book = books[row["book_id"]];
            Assert.Equal(CatalogImports.Collapse(row["title"]), book.Title);
            // "Kurt Vonnegut Jr." is one person; a suffix written after a comma keeps it: compare without commas.
            var authors = row["authors"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Aggregate(new List<string>(), (list, name) =>
                {
                    if (name is "Jr." or "Jr" or "Sr." or "III" or "II" && list.Count > 0) { list[^1] += " " + name; } else { list.Add(name); }
                    return list;
                })
                .Select(CatalogImports.Collapse)
                .Distinct(StringComparer.OrdinalIgnoreCase) // "Louis Sachar, Louis Sachar": one person credited once
                .ToList();
            Assert.Equal(authors, book.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name.Replace(",", string.Empty, StringComparison.Ordinal)).ToList());
            Assert.Equal(row["original_publication_year"].Length == 0 ? null : (int)double.Parse(row["original_publication_year"], CultureInfo.InvariantCulture), book.OriginalPublicationYear);
            Assert.Equal(IsbnOracle.Read(row["isbn13"]) ?? IsbnOracle.Read(row["isbn"], padZeros: true), book.Isbn13);
            Assert.Equal(NullIfEmpty(row["language_code"]), book.Language);
            Assert.Contains(book.Identifiers, i => i.Scheme == "goodreads" && i.Value == row["goodreads_book_id"]);
            var extras = BookExtras.Parse(book.Extras);
            Assert.Equal(row["average_rating"], extras.Get("goodbooks", "average_rating"));
            Assert.Equal(row["image_url"], extras.Get("goodbooks", "image_url"));
            Assert.Equal(NullIfEmpty(row["original_title"]), extras.Get("goodbooks", "original_title"));
        }

        // Negative years are BCE, not errors.
        Assert.Equal(rows.Count(r => r["original_publication_year"].StartsWith('-')), await db.Books.CountAsync(b => b.OriginalPublicationYear < 0));
    }

    [RealExportFact(LibraryThing)]
    public async Task LibraryThing_EveryRowLandsWithRolesPagesAndExtras()
    {
        var path = CatalogImports.SharedFile(LibraryThing);
        var rows = CatalogImports.ReadRows(path);
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, path);

        Assert.Equal(("librarything", "comma", (long)rows.Count, (long)rows.Count, 0L), (summary.Format, summary.Separator, summary.Read, summary.Added, summary.Rejected));
        var books = await LoadByIdentifierAsync(db, "librarything");
        foreach (var row in rows)
        {
            var book = books[row["Book ID"]];
            Assert.Equal(CatalogImports.Collapse(row["Title"]), book.Title);
            var people = (row["Primary Author"].Length > 0 ? 1 : 0) + row["Secondary Author"].Split('|', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.Equal(people, book.Authors.Count);
            var secondaryRoles = row["Secondary Author Role"].Split('|');
            if (secondaryRoles.Contains("Translator"))
            {
                Assert.Contains(book.Authors, a => a.Role == AuthorRole.Translator);
            }

            Assert.Equal(Number(row["Page Count"]), book.Pages);
            Assert.Equal(IsbnOracle.Read(row["ISBN"]), book.Isbn13);
            Assert.Equal(Number(row["Copies"]), book.OwnedCopies);
            Assert.Equal(DateOnly.ParseExact(row["Entry Date"], "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), book.AddedAt);
            Assert.Equal(NullIfEmpty(row["Media"]), book.Format);
            Assert.Equal(int.TryParse(row["Date"], CultureInfo.InvariantCulture, out var year) ? year : null, book.YearPublished);
            if (book.YearPublished is null && row["Date"].Length > 0)
            {
                Assert.Equal(row["Date"], BookExtras.Parse(book.Extras).Get("librarything", "Date"));
            }

            var extras = BookExtras.Parse(book.Extras);
            Assert.Equal(NullIfEmpty(row["Dewey Decimal"]), extras.Get("librarything", "Dewey Decimal"));
            Assert.Equal(row["Publication"], extras.Get("librarything", "Publication"));
            Assert.Equal(row["Collections"], extras.Get("librarything", "Collections"));
            Assert.Equal(NullIfEmpty(row["Work id"]), extras.Get("librarything", "Work id"));
            var publisher = System.Text.RegularExpressions.Regex.Match(row["Publication"], @"^(.+?) \(\d{4}\)");
            Assert.Equal(publisher.Success ? CatalogImports.Collapse(publisher.Groups[1].Value) : null, book.Publisher);
        }
    }

    [Theory]
    [RealExportData(Goodreads24)]
    [RealExportData(Goodreads31)]
    [RealExportData(Goodbooks)]
    [RealExportData(LibraryThing)]
    public async Task SameExportTwice_SecondImportChangesNothing(string file)
    {
        var path = CatalogImports.SharedFile(file);
        await using var db = await fixture.OpenNewAsync();
        var first = await CatalogImports.ImportFileAsync(db, path);
        var before = await ImportCatalogTests.SnapshotAsync(db);

        var second = await CatalogImports.ImportFileAsync(db, path);

        Assert.Equal((first.Read, 0L, 0L, first.Read, 0L), (second.Read, second.Added, second.Updated, second.Unchanged, second.Differing));
        Assert.Equal(before, await ImportCatalogTests.SnapshotAsync(db));
    }

    [RealExportFact(Goodreads24)]
    public async Task GoodreadsNewerExport_ReportsWhatChangedAndUpdateAppliesIt()
    {
        var path = CatalogImports.SharedFile(Goodreads24);
        var lines = File.ReadAllLines(path);
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportFileAsync(db, path);

        // The next export: book 59069460 re-rated and put on a new shelf, book 9598224 being read again, one new book.
        var newer = lines.Select(line =>
            line.StartsWith("59069460,", StringComparison.Ordinal) ? line.Replace(",3,3.70,", ",5,3.70,", StringComparison.Ordinal).Replace(",,,read,", ",favourites,favourites (#1),read,", StringComparison.Ordinal)
            : line.StartsWith("9598224,", StringComparison.Ordinal) ? line.Replace(",,,read,", ",currently-reading,currently-reading (#2),currently-reading,", StringComparison.Ordinal)
            : line).Append("1,A New Book,Ann Writer,\"Writer, Ann\",,\"=\"\"\"\"\",\"=\"\"\"\"\",0,4.00,,,,,,,2024/11/01,,,read,,,,0,0").ToList();
        var file = TempFiles.NewPath("newer-export");
        await File.WriteAllLinesAsync(file, newer);

        var reported = await CatalogImports.ImportFileAsync(db, file);
        var updated = await CatalogImports.ImportFileAsync(db, file, update: true);
        var again = await CatalogImports.ImportFileAsync(db, file, update: true);

        Assert.Equal((1L, 0L, 2L), (reported.Added, reported.Updated, reported.Differing));
        Assert.Equal(["rating", "shelves", "extras"], reported.Differences.Single(d => d.Title == "The Girl Before").Fields);
        Assert.Equal(["status", "extras"], reported.Differences.Single(d => d.Title == "A Clockwork Orange").Fields);
        Assert.Equal((0L, 2L), (updated.Added, updated.Updated));
        Assert.Equal((0L, 0L, (long)lines.Length), (again.Added + again.Updated, again.Differing, again.Unchanged));
        var books = await LoadByIdentifierAsync(db, "goodreads");
        Assert.Equal(5, books["59069460"].Rating);
        Assert.Equal(["favourites"], books["59069460"].Tags.Select(t => t.Tag.Name));
        Assert.Equal("reading", books["9598224"].Status);
    }

    [RealExportFact(Goodreads31, Goodbooks)]
    public async Task GoodreadsAfterGoodbooks_FindsTheSameBooksByTheirGoodreadsIds()
    {
        var goodbooks = CatalogImports.ReadRows(CatalogImports.SharedFile(Goodbooks)).Select(r => r["goodreads_book_id"]).ToHashSet();
        var goodreads = CatalogImports.ReadRows(CatalogImports.SharedFile(Goodreads31));
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportFileAsync(db, CatalogImports.SharedFile(Goodbooks));

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.SharedFile(Goodreads31));

        var known = goodreads.Count(r => goodbooks.Contains(r["Book Id"]));
        Assert.True(known > 0);
        Assert.Equal(goodreads.Count - known, summary.Added);
        Assert.Equal(known, summary.Unchanged);
    }

    private static async Task<Dictionary<string, Book>> LoadByIdentifierAsync(ShelfDbContext db, string scheme)
    {
        var books = await db.Books.AsNoTracking()
            .Include(b => b.Authors).ThenInclude(a => a.Author)
            .Include(b => b.Tags).ThenInclude(t => t.Tag)
            .Include(b => b.Identifiers)
            .AsSplitQuery()
            .ToListAsync();
        return books.ToDictionary(b => b.Identifiers.Single(i => i.Scheme == scheme).Value);
    }

    private static int? Number(string text) => text.Trim().Length == 0 ? null : int.Parse(text.Trim(), CultureInfo.InvariantCulture);

    private static DateOnly? Day(string text) => text.Length == 0 ? null : DateOnly.ParseExact(text, "yyyy/MM/dd", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : RealExportsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : RealExportsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : RealExportsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
