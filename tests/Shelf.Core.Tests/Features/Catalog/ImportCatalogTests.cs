using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Importing;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>How an import treats rows: bad ones, repeated ones, changed ones, and the whole file as one transaction.</summary>
public abstract class ImportCatalogTests(DatabaseFixture fixture)
{
    private const string SimpleHeader = "title,number_of_pages,first_name,last_name\n";

    [Fact]
    public async Task ExecuteAsync_SampleCatalog_ImportsEveryRowWithItsFields()
    {
        var rows = CatalogImports.ReadRows(CatalogImports.SamplePath);
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.SamplePath);

        Assert.Equal((rows.Count, rows.Count, 0L, 0L), (summary.Read, summary.Added, summary.Unchanged, summary.Rejected));
        Assert.Equal("simple", summary.Format);
        Assert.Equal(rows.Count, await db.Books.CountAsync());
        Assert.Equal(rows.Select(r => $"{r["first_name"]} {r["last_name"]}".Trim()).Distinct().Count(), await db.Authors.CountAsync());
        foreach (var row in rows.Take(10))
        {
            var book = await db.Books.Where(b => b.Title == row["title"]).Select(b => new { b.Pages, Author = b.Authors.Single().Author.Name }).SingleAsync();
            Assert.Equal(int.Parse(row["number_of_pages"], CultureInfo.InvariantCulture), book.Pages);
            Assert.Equal($"{row["first_name"]} {row["last_name"]}".Trim(), book.Author);
        }
    }

    [Fact]
    public async Task ExecuteAsync_SameFileTwice_ChangesNothingTheSecondTime()
    {
        await using var db = await fixture.OpenNewAsync();
        var first = await CatalogImports.ImportFileAsync(db, CatalogImports.SamplePath);
        var before = await SnapshotAsync(db);

        var second = await CatalogImports.ImportFileAsync(db, CatalogImports.SamplePath);

        Assert.Equal((0L, 0L, first.Read, 0L), (second.Added, second.Updated, second.Unchanged, second.Differing));
        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Fact]
    public async Task ExecuteAsync_RowWithoutTitleRejectedAndBadCellsWarned_WithLineNumbers_OtherRowsImported()
    {
        await using var db = await fixture.OpenNewAsync();
        var csv = "last_name,first_name,title,number_of_pages\n"
            + "Orwell,George,1984,326\n"
            + "Nobody,,,12\n"
            + "Huxley,Aldous,Brave New World,-1\n"
            + "Bradbury,Ray,\"Fahrenheit\n451\",158\n"
            + "Austen,Jane,Emma,lots\n"
            + ",,Anonymous Book,10\n";

        var summary = await CatalogImports.ImportTextAsync(db, csv);

        Assert.Equal(6, summary.Read);
        Assert.Equal(5, summary.Added);
        Assert.Equal([3L], summary.RejectedRows.Select(r => r.Line));
        Assert.Contains("title", summary.RejectedRows[0].Message, StringComparison.Ordinal);
        Assert.Equal([4L, 7L], summary.WarningRows.Select(r => r.Line));
        Assert.StartsWith("number_of_pages: '-1'", summary.WarningRows[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("number_of_pages: 'lots'", summary.WarningRows[1].Message, StringComparison.Ordinal);
        Assert.Equal(summary.Read, summary.Added + summary.Updated + summary.Unchanged + summary.Rejected);

        // A title is one line: the line break inside the quoted field becomes a space. A book may have no author.
        Assert.Equal(["1984", "Brave New World", "Fahrenheit 451", "Emma", "Anonymous Book"], await db.Books.OrderBy(b => b.Id).Select(b => b.Title).ToListAsync());
        Assert.Null(await db.Books.Where(b => b.Title == "Emma").Select(b => b.Pages).SingleAsync());
        Assert.Empty(await db.Books.Where(b => b.Title == "Anonymous Book").SelectMany(b => b.Authors).ToListAsync());
    }

    [Fact]
    public async Task ExecuteAsync_Rejects_WritesTheOriginalRowsUnderTheHeader()
    {
        await using var db = await fixture.OpenNewAsync();
        var csv = "title;number_of_pages;first_name;last_name\r\n"
            + "Good;10;Ann;Writer\r\n"
            + "\"Bad; \"\"quoted\"\"\";5;Bob;Writer;extra\r\n"
            + ";3;No;Title\r\n";
        using var rejects = new MemoryStream();

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(csv))) { Rejects = rejects });

        Assert.Equal(2, summary.Rejected);

        // The file's own bytes: its header and rows as written, with its CRLF line breaks.
        Assert.Equal("title;number_of_pages;first_name;last_name\r\n\"Bad; \"\"quoted\"\"\";5;Bob;Writer;extra\r\n;3;No;Title\r\n", Encoding.UTF8.GetString(rejects.ToArray()));
    }

    [Fact]
    public async Task ExecuteAsync_RejectsFileImportedAfterFixing_AddsTheRows()
    {
        await using var db = await fixture.OpenNewAsync();
        using var rejects = new MemoryStream();
        await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(SimpleHeader + "Good,10,Ann,Writer\n,100,Bob,Writer\n"))) { Rejects = rejects });

        var fixedText = Encoding.UTF8.GetString(rejects.ToArray()).Replace(",100,Bob", "Bad,100,Bob", StringComparison.Ordinal);
        var again = await CatalogImports.ImportTextAsync(db, fixedText);

        Assert.Equal((1L, 1L, 0L), (again.Read, again.Added, again.Rejected));
        Assert.Equal(100, await db.Books.Where(b => b.Title == "Bad").Select(b => b.Pages).SingleAsync());
    }

    [Fact]
    public async Task ExecuteAsync_DryRun_ReportsButWritesNothing()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(File.OpenRead(CatalogImports.SamplePath)) { DryRun = true });

        Assert.True(summary.DryRun);
        Assert.Equal(summary.Read, summary.Added);
        Assert.Equal(0, await db.Books.CountAsync());
        Assert.Equal(0, await db.Authors.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_StrictWithABadRow_ImportsNothingAndNamesTheLine()
    {
        await using var db = await fixture.OpenNewAsync();

        var error = await CatalogImports.ImportFailsAsync(
            db,
            new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(SimpleHeader + "One,1,Ann,Writer\nTwo,2,Ann,Writer\n,3,Ann,Writer\nFour,4,Ann,Writer\n"))) { Strict = true });

        Assert.Equal("import.strict", error.Code);
        Assert.StartsWith("line 4:", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Books.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_StrictWithGoodRows_ImportsThemAll()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(File.OpenRead(CatalogImports.SamplePath)) { Strict = true });

        Assert.Equal(summary.Read, summary.Added);
    }

    [Fact]
    public async Task ExecuteAsync_NewerExport_ReportsDifferencesAndUpdateAppliesThem()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportTextAsync(db, SimpleHeader + "Dune,412,Frank,Herbert\nEmma,474,Jane,Austen\n");
        var newer = SimpleHeader + "Dune,896,Frank,Herbert\nEmma,474,Jane,Austen\nPersuasion,249,Jane,Austen\n";

        var reported = await CatalogImports.ImportTextAsync(db, newer);
        var pagesAfterReport = await db.Books.Where(b => b.Title == "Dune").Select(b => b.Pages).SingleAsync();
        var updated = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(newer))) { Update = true });
        var again = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(newer))) { Update = true });

        Assert.Equal((1L, 0L, 2L, 1L), (reported.Added, reported.Updated, reported.Unchanged, reported.Differing));
        Assert.Equal(["pages"], Assert.Single(reported.Differences).Fields);
        Assert.Equal(2, Assert.Single(reported.Differences).Line);
        Assert.Equal(412, pagesAfterReport);
        Assert.Equal((0L, 1L, 2L), (updated.Added, updated.Updated, updated.Unchanged));
        Assert.Equal(896, await db.Books.Where(b => b.Title == "Dune").Select(b => b.Pages).SingleAsync());
        Assert.Equal((0L, 0L, 3L, 0L), (again.Added, again.Updated, again.Unchanged, again.Differing));
    }

    [Fact]
    public async Task ExecuteAsync_SameBookTwiceInOneFile_AddsItOnce()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportTextAsync(db, SimpleHeader + "Dune,412,Frank,Herbert\nDUNE,412,frank,herbert\n");

        Assert.Equal((1L, 1L), (summary.Added, summary.Unchanged));
        Assert.Equal(1, await db.Books.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_RowWithIdOfSameSourceAsAnotherBook_IsAnotherBookEvenWithTheSameTitleAndAuthor()
    {
        await using var db = await fixture.OpenNewAsync();
        var csv = "Book Id,Title,Author,My Rating,Exclusive Shelf,ISBN13\n"
            + "1,'Salem's Lot,Stephen King,0,read,\"=\"\"9780385007511\"\"\"\n"
            + "2,'Salem's Lot,Stephen King,0,read,\"=\"\"9780385007511\"\"\"\n"
            + "3,'Salem's Lot,Stephen King,0,read,\n";

        var summary = await CatalogImports.ImportTextAsync(db, csv);

        // Goodreads tells them apart by id; the ISBN stays with the first, and is reported for the second.
        Assert.Equal((3L, 0L), (summary.Added, summary.Unchanged));
        Assert.Equal(["9780385007511", null, null], await db.Books.OrderBy(b => b.Id).Select(b => b.Isbn13).ToListAsync());
        Assert.Contains(summary.WarningRows, w => w.Line == 3 && w.Message.Contains("9780385007511", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_ExistingBookWithTheSameIsbn_IsMatchedWhateverTheTitle()
    {
        await using var db = await fixture.OpenNewAsync();
        await Books.BookTestData.AddAsync(db, new Shelf.Core.Features.Books.AddBookRequest("The Hobbit", [new("J.R.R. Tolkien")]) { Isbn = "9780261102217" });
        db.ChangeTracker.Clear();

        var summary = await CatalogImports.ImportTextAsync(db, "Book Id,Title,Author,My Rating,Exclusive Shelf,ISBN13\n7,\"The Hobbit, or There and Back Again\",J. R. R. Tolkien,5,read,9780261102217\n");

        Assert.Equal((0L, 1L, 1L), (summary.Added, summary.Unchanged, summary.Differing));
        Assert.Contains("title", summary.Differences[0].Fields);
        Assert.Contains("ids", summary.Differences[0].Fields);
    }

    [Fact]
    public async Task ExecuteAsync_Cancelled_LeavesTheLibraryAsItWas()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportTextAsync(db, SimpleHeader + "Kept,1,Ann,Writer\n");
        var before = await SnapshotAsync(db);
        var csv = new StringBuilder(SimpleHeader);
        for (var i = 0; i < 20_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Book {i},{i + 1},Ann,Writer{i % 50}\n");
        }

        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p => { if (p.Rows >= 1000) { cancellation.Cancel(); } });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ImportCatalog(db).ExecuteAsync(new ImportRequest(new NonSeekableStream(Encoding.UTF8.GetBytes(csv.ToString()))), progress, cancellation.Token));

        db.ChangeTracker.Clear();
        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Theory]
    [InlineData(false, new[] { ImportStep.Finishing, ImportStep.Committing })]
    [InlineData(true, new[] { ImportStep.Finishing })]
    public async Task ExecuteAsync_AfterTheLastRow_SaysWhatIsLeft(bool dryRun, ImportStep[] expectedLast)
    {
        await using var db = await fixture.OpenNewAsync();
        var reports = new List<ImportProgress>();

        var result = await new ImportCatalog(db).ExecuteAsync(
            new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(SimpleHeader + "A,1,Ann,Writer\nB,2,Bob,Writer\n"))) { DryRun = dryRun },
            new SynchronousProgress(reports.Add),
            CancellationToken.None);

        Assert.True(result.IsSuccess, result.Error?.Message);
        var steps = reports.Select(r => r.Step).Where(s => s != ImportStep.Reading).ToArray();
        Assert.Equal(expectedLast, steps);
        Assert.All(reports.Where(r => r.Step != ImportStep.Reading), r => Assert.Equal(2, r.Rows));
    }

    [Theory]
    [InlineData("title,pages\nA,1\n", "import.unknown_format")]
    [InlineData("", "import.empty")]
    public async Task ExecuteAsync_NotAKnownForm_ReturnsInvalidAndWritesNothing(string content, string code)
    {
        await using var db = await fixture.OpenNewAsync();

        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(content))));

        Assert.Equal(code, error.Code);
        Assert.Equal(0, await db.Books.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_UnknownCsvWithMapping_ReadsMappedColumnsAndKeepsTheRest()
    {
        await using var db = await fixture.OpenNewAsync();
        var csv = "Nom du livre,Écrivain,Pages,Couleur,Code\nLe Petit Prince,Antoine de Saint-Exupéry,96,bleu,A-1\n";
        var mappings = new[] { "Nom du livre=title", "Écrivain=author", "Pages=pages", "Code=id:maison" }.Select(m => Shelf.Core.Features.Catalog.Formats.ColumnMapping.Parse(m).Value).ToList();

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(csv))) { Mappings = mappings });

        Assert.Equal(("mapped", 1L), (summary.Format, summary.Added));
        var book = await db.Books.Include(b => b.Identifiers).Include(b => b.Authors).ThenInclude(a => a.Author).SingleAsync();
        Assert.Equal(("Le Petit Prince", 96, "Antoine de Saint-Exupéry"), (book.Title, book.Pages, book.Authors.Single().Author.Name));
        Assert.Equal(("maison", "A-1"), (book.Identifiers.Single().Scheme, book.Identifiers.Single().Value));
        Assert.Equal("""{"csv":{"Couleur":"bleu"}}""", book.Extras);
    }

    [Fact]
    public async Task ExecuteAsync_MappingToAMissingColumn_NamesTheColumnsTheFileHas()
    {
        await using var db = await fixture.OpenNewAsync();
        var mappings = new[] { Shelf.Core.Features.Catalog.Formats.ColumnMapping.Parse("Titel=title").Value };

        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream("Name,Pages\nA,1\n"u8.ToArray())) { Mappings = mappings });

        Assert.Equal("import.mapping_column_missing", error.Code);
        Assert.Contains("Name, Pages", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Books, their credits, shelves, ids and extras as text: equal snapshots mean an unchanged library.</summary>
    internal static async Task<string> SnapshotAsync(ShelfDbContext db)
    {
        var books = await db.Books.AsNoTracking().OrderBy(b => b.Id)
            .Select(b => new
            {
                b.Id, b.Title, b.Isbn13, b.Pages, b.Rating, b.Status, b.UpdatedAt, b.Extras,
                Authors = b.Authors.OrderBy(a => a.Position).Select(a => a.Author.NameKey + "/" + a.Role).ToList(),
                Tags = b.Tags.Select(t => t.Tag.NameKey).OrderBy(t => t).ToList(),
                Ids = b.Identifiers.Select(i => i.Scheme + ":" + i.Value).OrderBy(i => i).ToList(),
            })
            .ToListAsync();
        var authors = await db.Authors.CountAsync();
        return System.Text.Json.JsonSerializer.Serialize(new { books, authors });
    }

    /// <summary>A pipe: no length, no seeking.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ImportCatalogTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ImportCatalogTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : ImportCatalogTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
