using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;
using Shelf.Core.Features.Catalog;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

public abstract class ImportSimpleCatalogTests(DatabaseFixture fixture)
{
    private static string SamplePath => Path.Combine(RepositoryPaths.Root, "data", "library_data.csv");

    [Fact]
    public async Task ExecuteAsync_SampleCatalog_ImportsEveryRowWithItsFields()
    {
        // Expectations come from reading the file with another CSV parser, not from Shelf.
        var rows = ReadWithTextFieldParser(SamplePath);
        await using var db = await fixture.OpenNewAsync();

        var summary = await ImportAsync(db, File.ReadAllBytes(SamplePath));

        Assert.Equal((rows.Count, rows.Count, 0L, 0), (summary.Read, summary.Added, summary.Unchanged, summary.Rejected.Count));
        Assert.Equal(rows.Count, await db.Books.CountAsync());
        Assert.Equal(rows.Select(r => $"{r[2]} {r[3]}".Trim()).Distinct().Count(), await db.Authors.CountAsync());
        foreach (var row in rows.Take(10))
        {
            var book = await db.Books.Where(b => b.Title == row[0]).Select(b => new { b.Pages, Author = b.Authors.Single().Author.Name }).SingleAsync();
            Assert.Equal(int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture), book.Pages);
            Assert.Equal($"{row[2]} {row[3]}".Trim(), book.Author);
        }
    }

    [Fact]
    public async Task ExecuteAsync_SameFileTwice_ChangesNothingTheSecondTime()
    {
        await using var db = await fixture.OpenNewAsync();
        var bytes = File.ReadAllBytes(SamplePath);
        var first = await ImportAsync(db, bytes);

        var second = await ImportAsync(db, bytes);

        Assert.Equal(0, second.Added);
        Assert.Equal(first.Read, second.Unchanged);
        Assert.Equal(first.Added, await db.Books.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_BadRows_AreReportedWithLineNumbersAndGoodRowsImported()
    {
        await using var db = await fixture.OpenNewAsync();
        var csv = "last_name,first_name,title,number_of_pages\n"
            + "Orwell,George,1984,326\n"
            + "Nobody,,,12\n"
            + "Huxley,Aldous,Brave New World,-1\n"
            + "Bradbury,Ray,\"Fahrenheit\n451\",158\n"
            + "Austen,Jane,Emma,lots\n"
            + ",,Anonymous Book,10\n";

        var summary = await ImportAsync(db, Encoding.UTF8.GetBytes(csv));

        Assert.Equal(6, summary.Read);
        Assert.Equal(2, summary.Added);
        Assert.Equal([3L, 4L, 7L, 8L], summary.Rejected.Select(r => r.Line));
        Assert.Contains("title", summary.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("greater than 0", summary.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal(summary.Read, summary.Added + summary.Unchanged + summary.Rejected.Count);
        // A title is one line: the line break inside the quoted field becomes a space.
        Assert.Equal(["1984", "Fahrenheit 451"], await db.Books.OrderBy(b => b.Id).Select(b => b.Title).ToListAsync());
    }

    [Fact]
    public async Task ExecuteAsync_DryRun_ReportsButWritesNothing()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await new ImportSimpleCatalog(db).ExecuteAsync(new MemoryStream(File.ReadAllBytes(SamplePath)), dryRun: true, progress: null, default);

        Assert.True(summary.Value.Added > 0);
        Assert.Equal(0, await db.Books.CountAsync());
        Assert.Equal(0, await db.Authors.CountAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("title,pages\nA,1\n")]
    [InlineData("\u0000\u0001\u0002binary junk\u00ff")]
    public async Task ExecuteAsync_NotTheSimpleForm_ReturnsInvalidAndWritesNothing(string content)
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new ImportSimpleCatalog(db).ExecuteAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), dryRun: false, progress: null, default);

        Assert.Equal("import.unknown_format", result.Error!.Code);
        Assert.Equal(0, await db.Books.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_Cancelled_LeavesTheLibraryAsItWas()
    {
        await using var db = await fixture.OpenNewAsync();
        var csv = new StringBuilder("title,number_of_pages,first_name,last_name\n");
        for (var i = 0; i < 5000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Book {i},{i + 1},Ann,Writer{i % 50}\n");
        }

        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(read => { if (read >= 1000) { cancellation.Cancel(); } });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ImportSimpleCatalog(db).ExecuteAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), dryRun: false, progress, cancellation.Token));

        db.ChangeTracker.Clear();
        Assert.Equal(0, await db.Books.CountAsync());
        Assert.Equal(0, await db.Authors.CountAsync());
    }

    private static async Task<ImportSummary> ImportAsync(Shelf.Core.Data.ShelfDbContext db, byte[] bytes)
    {
        var result = await new ImportSimpleCatalog(db).ExecuteAsync(new MemoryStream(bytes), dryRun: false, progress: null, default);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private static List<string[]> ReadWithTextFieldParser(string path)
    {
        using var parser = new TextFieldParser(path, Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        parser.ReadFields();
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; cancelling mid-import needs the report at once.</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ImportSimpleCatalogTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ImportSimpleCatalogTests(fixture), IClassFixture<PostgresDatabaseFixture>;
}
