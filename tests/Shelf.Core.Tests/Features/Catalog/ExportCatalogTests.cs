using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Catalog;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>Exports, and the round trip: export, import into an empty library, export again gives the same file.</summary>
public abstract class ExportCatalogTests(DatabaseFixture fixture)
{
    private const string Goodreads24 = "goodreads_export__BH-BH__goodreads_library_export.csv";
    private const string Goodreads31 = "goodreads_export__evilsocket__goodreads_library_export.csv";
    private const string LibraryThing = "librarything__robdmc__LibraryThing_export.csv";

    /// <summary>The committed files; the theories add the shared real exports as rows of their own.</summary>
    public static TheoryData<string> EveryFile => new(
        CatalogImports.SharedFile("goodbooks-10k__books.csv"),
        CatalogImports.SamplePath,
        CatalogImports.Fixture("calibre_catalog.csv"),
        CatalogImports.Fixture("storygraph_export.csv"),
        CatalogImports.Fixture("libib_library.csv"),
        CatalogImports.Fixture("librarything_export.tsv"),
        CatalogImports.Fixture("librarything_2014.csv"),
        CatalogImports.Fixture("storygraph_ranges.csv"),
        CatalogImports.Fixture("kaggle_goodreads_books.csv"),
        CatalogImports.Fixture("bx_books.csv"),
        CatalogImports.Fixture("bookwyrm_export.csv"),
        CatalogImports.Fixture("openreads_export.csv"));

    [Theory]
    [MemberData(nameof(EveryFile))]
    [RealExportData(Goodreads24, AsPath = true)]
    [RealExportData(Goodreads31, AsPath = true)]
    [RealExportData(LibraryThing, AsPath = true)]
    public async Task Csv_ExportImportExport_GivesTheSameFile(string file)
    {
        await using var first = await fixture.OpenNewAsync();
        var imported = await CatalogImports.ImportFileAsync(first, file);
        var exported = await ExportAsync(first, ExportFormat.Csv);

        await using var second = await fixture.OpenNewAsync();
        var reimported = await CatalogImports.ImportAsync(second, new ImportRequest(new MemoryStream(exported)));
        var again = await ExportAsync(second, ExportFormat.Csv);

        Assert.Equal(("shelf", imported.Added, imported.Added, 0L, 0L), (reimported.Format, reimported.Read, reimported.Added, reimported.Rejected, reimported.Warnings));
        Assert.Equal(Encoding.UTF8.GetString(exported), Encoding.UTF8.GetString(again));
        Assert.Equal(imported.Added + 1, CatalogImports.ReadRows(WriteTemp(exported)).Count + 1);
    }

    [Theory]
    [MemberData(nameof(EveryFile))]
    [RealExportData(Goodreads24, AsPath = true)]
    [RealExportData(Goodreads31, AsPath = true)]
    [RealExportData(LibraryThing, AsPath = true)]
    public async Task Json_ExportImportExport_GivesTheSameBooks(string file)
    {
        await using var first = await fixture.OpenNewAsync();
        var imported = await CatalogImports.ImportFileAsync(first, file);
        var exported = await ExportAsync(first, ExportFormat.Json);

        await using var second = await fixture.OpenNewAsync();
        var reimported = await CatalogImports.ImportAsync(second, new ImportRequest(new MemoryStream(exported)));
        var again = await ExportAsync(second, ExportFormat.Json);

        Assert.Equal(("json", imported.Added, imported.Added, 0L, 0L), (reimported.Format, reimported.Read, reimported.Added, reimported.Rejected, reimported.Warnings));

        // Everything but the moment each library last changed the book: that is each import's own.
        Assert.Equal(WithoutUpdatedAt(exported), WithoutUpdatedAt(again));
    }

    [Theory]
    [InlineData("[{\"title\": \"Kept\", \"credits\": [{\"name\": \"Ann Writer\"}]}, {\"title\": \"Cut", "import.malformed_json")]
    [InlineData("[{\"title\": \"Kept\", \"credits\": [{\"name\": \"Ann Writer\"}]}, 42]", "import.json_not_a_book")]
    public async Task Json_BrokenPartWay_ImportsNothingAndSaysWhere(string json, string code)
    {
        await using var db = await fixture.OpenNewAsync();

        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(code, error.Code);
        Assert.Contains("nothing was imported", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Books.CountAsync());
    }

    [Fact]
    public async Task Json_WrittenByHand_ReadsKnownKeysWarnsForBadValuesAndKeepsTheRest()
    {
        await using var db = await fixture.OpenNewAsync();
        var json = """
            [
              {"title": "Le Petit Prince", "credits": [{"name": "Antoine de Saint-Exupéry"}, {"name": "Katherine Woods", "role": "translator"}],
               "pages": 96, "shelves": ["classics"], "identifiers": {"goodreads": "157993"}, "colour": "blue"},
              {"title": "Bad pages", "credits": [{"name": "Ann Writer"}], "pages": "many"}
            ]
            """;

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal((2L, 2L, 0L), (summary.Read, summary.Added, summary.Rejected));
        var warning = Assert.Single(summary.WarningRows);
        Assert.Equal(3, warning.Line);
        Assert.Contains("'many'", warning.Message, StringComparison.Ordinal);
        Assert.Null(await db.Books.Where(b => b.Title == "Bad pages").Select(b => b.Pages).SingleAsync());
        var book = await db.Books.Include(b => b.Authors).ThenInclude(a => a.Author).Include(b => b.Identifiers).Include(b => b.Tags).ThenInclude(t => t.Tag).SingleAsync(b => b.Title == "Le Petit Prince");
        Assert.Equal((96, "classics", "157993"), (book.Pages, book.Tags.Single().Tag.Name, book.Identifiers.Single().Value));
        Assert.Equal([("Antoine de Saint-Exupéry", Shelf.Core.Domain.AuthorRole.Author), ("Katherine Woods", Shelf.Core.Domain.AuthorRole.Translator)],
            book.Authors.OrderBy(a => a.Position).Select(a => (a.Author.Name, a.Role)));
        Assert.Equal("""{"json":{"colour":"blue"}}""", book.Extras);
    }

    private static string WithoutUpdatedAt(byte[] json)
    {
        var books = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsArray();
        foreach (var book in books)
        {
            book!.AsObject().Remove("updatedAt");
        }

        return books.ToJsonString();
    }

    [Theory]
    [RealExportData(Goodreads24)]
    [RealExportData(Goodreads31)]
    public async Task Goodreads_ExportImportExport_GivesTheSameFile(string file)
    {
        await using var first = await fixture.OpenNewAsync();
        await CatalogImports.ImportFileAsync(first, CatalogImports.SharedFile(file));
        var exported = await ExportAsync(first, ExportFormat.Goodreads);

        await using var second = await fixture.OpenNewAsync();
        var reimported = await CatalogImports.ImportAsync(second, new ImportRequest(new MemoryStream(exported)));
        var again = await ExportAsync(second, ExportFormat.Goodreads);

        Assert.Equal(("goodreads", 0L), (reimported.Format, reimported.Rejected));
        Assert.Equal(Encoding.UTF8.GetString(exported), Encoding.UTF8.GetString(again));
    }

    [RealExportFact(Goodreads24)]
    public async Task Goodreads_ExportOfAGoodreadsImport_KeepsEveryValueOfTheOriginal()
    {
        var path = CatalogImports.SharedFile(Goodreads24);
        var original = CatalogImports.ReadRows(path);
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportFileAsync(db, path);

        var exported = CatalogImports.ReadRows(WriteTemp(await ExportAsync(db, ExportFormat.Goodreads)));

        Assert.Equal(original.Count, exported.Count);
        foreach (var (before, after) in original.Zip(exported))
        {
            // An ISBN-10 Goodreads left out is written when the ISBN-13 has one (same digits, its own check digit).
            var isbn13 = IsbnOracle.Read(before["ISBN13"]);
            Assert.True(
                before["ISBN"] == after["ISBN"] || (before["ISBN"] == "=\"\"" && isbn13 is not null && after["ISBN"].StartsWith("=\"" + isbn13[3..12], StringComparison.Ordinal)),
                $"{before["Book Id"]} ISBN: '{before["ISBN"]}' became '{after["ISBN"]}'");
            foreach (var column in new[] { "Book Id", "ISBN13", "My Rating", "Average Rating", "Year Published", "Original Publication Year", "Date Read", "Date Added", "Exclusive Shelf", "Read Count", "Owned Copies", "Bookshelves with positions" })
            {
                Assert.True(before[column] == after[column], $"{before["Book Id"]} {column}: '{before[column]}' became '{after[column]}'");
            }

            Assert.Equal(CatalogImports.Collapse(before["Title"]), after["Title"]);
            Assert.Equal(CatalogImports.Collapse(before["Author"]), after["Author"]);
            Assert.Equal(before["Number of Pages"] == "0" ? string.Empty : before["Number of Pages"], after["Number of Pages"]);
        }
    }

    [Fact]
    public async Task Csv_RoundTrip_KeepsWhatTheOwnerSetByHand()
    {
        await using var first = await fixture.OpenNewAsync();
        await Books.BookTestData.AddAsync(first, new AddBookRequest("Cien años de soledad", [new("Gabriel García Márquez"), new("Gregory Rabassa", Shelf.Core.Domain.AuthorRole.Translator)]) { Isbn = "9780060883287", Year = "1967" });
        var edited = await new EditBook(first).ExecuteAsync(
            new EditBookRequest("1") { Status = "reading", Rating = "5", Review = "Line one.\nLine \"two\", with a comma.", Location = "Study", AddShelves = ["favourites", "Latin America"], DateStarted = "2024-01-02" },
            CancellationToken.None);
        Assert.True(edited.IsSuccess, edited.Error?.Message);
        first.ChangeTracker.Clear();
        var exported = await ExportAsync(first, ExportFormat.Csv);

        await using var second = await fixture.OpenNewAsync();
        await CatalogImports.ImportAsync(second, new ImportRequest(new MemoryStream(exported)));
        var book = await new GetBook(second).ExecuteAsync("1", CancellationToken.None);

        Assert.Equal(Encoding.UTF8.GetString(exported), Encoding.UTF8.GetString(await ExportAsync(second, ExportFormat.Csv)));
        Assert.Equal(("reading", 5, "Study", new DateOnly(2024, 1, 2)), (book.Value.Status, book.Value.Rating, book.Value.Location, book.Value.DateStarted));
        Assert.Equal("Line one.\nLine \"two\", with a comma.", book.Value.Review);
        Assert.Equal(["favourites", "Latin America"], book.Value.Shelves);
        Assert.Equal([("Gabriel García Márquez", Shelf.Core.Domain.AuthorRole.Author), ("Gregory Rabassa", Shelf.Core.Domain.AuthorRole.Translator)], book.Value.Credits.Select(c => (c.Name, c.Role)));
    }

    [Fact]
    public async Task Csv_RoundTrip_KeepsTwoEditionsWithTheSameTitleAndAuthorAndNoIsbn()
    {
        await using var first = await fixture.OpenNewAsync();
        await Books.BookTestData.AddAsync(first, new AddBookRequest("Dune", [new("Frank Herbert")]) { Publisher = "Chilton" });
        await Books.BookTestData.AddAsync(first, new AddBookRequest("Dune", [new("Frank Herbert")]) { Publisher = "Ace", AllowDuplicate = true });
        first.ChangeTracker.Clear();
        var exported = await ExportAsync(first, ExportFormat.Csv);

        await using var second = await fixture.OpenNewAsync();
        var summary = await CatalogImports.ImportAsync(second, new ImportRequest(new MemoryStream(exported)));
        var again = await CatalogImports.ImportAsync(second, new ImportRequest(new MemoryStream(exported)) { Update = true });

        Assert.Equal(2, summary.Added);

        // Importing the export again into the library that holds them finds each row its own
        // edition: nothing added, nothing differs, nothing overwritten.
        Assert.Equal((0L, 0L, 2L, 0L), (again.Added, again.Updated, again.Unchanged, again.Differing));
        Assert.Equal(Encoding.UTF8.GetString(exported), Encoding.UTF8.GetString(await ExportAsync(second, ExportFormat.Csv)));
        Assert.Equal(["Ace", "Chilton"], await second.Books.OrderBy(b => b.Publisher).Select(b => b.Publisher).ToListAsync());
    }

    [Fact]
    public async Task Json_EveryBookWithCreditsShelvesIdsAndExtras()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("storygraph_export.csv"));

        var json = JsonDocument.Parse(await ExportAsync(db, ExportFormat.Json)).RootElement;

        Assert.Equal(await db.Books.CountAsync(), json.GetArrayLength());
        var first = json[0];
        Assert.Equal("The Three-Body Problem", first.GetProperty("title").GetString());
        Assert.Equal("translator", first.GetProperty("credits")[1].GetProperty("role").GetString());
        Assert.Equal("4.25", first.GetProperty("extras").GetProperty("storygraph").GetProperty("Star Rating").GetString());
        Assert.Equal(["china", "sci-fi"], first.GetProperty("shelves").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task AnyFormat_EmptyLibrary_WritesJustTheHeader()
    {
        await using var db = await fixture.OpenNewAsync();

        Assert.Single(Encoding.UTF8.GetString(await ExportAsync(db, ExportFormat.Csv)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, JsonDocument.Parse(await ExportAsync(db, ExportFormat.Json)).RootElement.GetArrayLength());
    }

    private static async Task<byte[]> ExportAsync(ShelfDbContext db, ExportFormat format)
    {
        using var output = new MemoryStream();
        var result = await new ExportCatalog(db).ExecuteAsync(format, output, progress: null, CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return output.ToArray();
    }

    private static string WriteTemp(byte[] bytes)
    {
        var path = TempFiles.NewPath("export");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ExportCatalogTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ExportCatalogTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : ExportCatalogTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
