using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Catalog.Formats;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// One cell Shelf cannot use never costs a book that has a title: the dates exports really
/// write are read, and what still cannot be used is a warning naming the line, the column and
/// the value, with the field empty and the value kept in the extras.
/// </summary>
public abstract class BadCellTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_LibraryThingTabExport_ReadsBracketedAndTimedDatesAndWarnsForTheRest()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("librarything_current.tsv"));

        Assert.Equal(("librarything", 3L, 3L, 0L), (summary.Format, summary.Read, summary.Added, summary.Rejected));
        var rose = await db.Books.SingleAsync(b => b.Title == "The Name of the Rose");
        Assert.Equal((new DateOnly(2021, 6, 1), new DateOnly(2021, 7, 30)), (rose.DateStarted, rose.DateRead));
        Assert.Equal(new DateTime(2021, 7, 30, 0, 0, 0, DateTimeKind.Utc), rose.AddedAt);

        var leaves = await db.Books.SingleAsync(b => b.Title == "Leaves of Grass");
        Assert.Equal((null, null), (leaves.Pages, leaves.YearPublished));
        Assert.Contains(summary.WarningRows, w => w.Line == 3 && w.Message.StartsWith("Page Count: 'xxxviii; 103'", StringComparison.Ordinal));
        Assert.Contains(summary.WarningRows, w => w.Line == 3 && w.Message.StartsWith("Date: '0'", StringComparison.Ordinal));
        Assert.Equal("xxxviii; 103", BookExtras.Parse(leaves.Extras).Get("librarything", "Page Count"));

        var table = await db.Books.SingleAsync(b => b.Title == "The Periodic Table");
        Assert.Null(table.DateRead);
        Assert.Contains(summary.WarningRows, w => w.Line == 4 && w.Message.StartsWith("Date Read: '[2021-02-30]'", StringComparison.Ordinal));
        Assert.Equal(summary.Warnings, summary.WarningRows.Count);
    }

    [Theory]
    [InlineData("9/16/2006", 2006, 9, 16)]
    [InlineData("16.9.2006", 2006, 9, 16)]
    [InlineData("2006-09-16 00:00:00", 2006, 9, 16)]
    [InlineData("2006-09-16T08:30:00Z", 2006, 9, 16)]
    [InlineData("[2006/09/16]", 2006, 9, 16)]
    public async Task ExecuteAsync_DatesAsExportsWriteThem_AreRead(string written, int year, int month, int day)
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportMappedAsync(db, $"Title,Finished\nDune,{written}\n", new ColumnMapping("Title", "title"), new ColumnMapping("Finished", "date_read"));

        Assert.Equal((1L, 0L), (summary.Added, summary.Warnings));
        Assert.Equal(new DateOnly(year, month, day), (await db.Books.SingleAsync()).DateRead);
    }

    [Fact]
    public async Task ExecuteAsync_MappedFullDateIntoYear_TakesItsYear()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportMappedAsync(db, "Title,Published\nDune,9/16/2006\nEmma,1815\n", new ColumnMapping("Title", "title"), new ColumnMapping("Published", "year"));

        Assert.Equal((2L, 0L, 0L), (summary.Added, summary.Rejected, summary.Warnings));
        Assert.Equal([1815, 2006], await db.Books.OrderBy(b => b.YearPublished).Select(b => b.YearPublished ?? 0).ToListAsync());
    }

    [Fact]
    public async Task ExecuteAsync_ImpossibleDateYearZeroAndWordsForPages_WarnEachKeepsTheBookAndTheValue()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportMappedAsync(
            db,
            "Title,Read On,Year,Pages,Stars\nDune,11/31/2000,0,many,lots\n",
            new ColumnMapping("Title", "title"),
            new ColumnMapping("Read On", "date_read"),
            new ColumnMapping("Year", "year"),
            new ColumnMapping("Pages", "pages"),
            new ColumnMapping("Stars", "rating"));

        Assert.Equal((1L, 1L, 0L, 4L), (summary.Read, summary.Added, summary.Rejected, summary.Warnings));
        Assert.All(summary.WarningRows, w => Assert.Equal(2, w.Line));
        Assert.Equal(
            ["Read On: '11/31/2000'", "Year: '0'", "Pages: 'many'", "Stars: 'lots'"],
            summary.WarningRows.Select(w => w.Message[..w.Message.IndexOf('\'', w.Message.IndexOf('\'') + 1)] + "'").ToList());
        var book = await db.Books.SingleAsync();
        Assert.Equal((null, null, null, null), (book.DateRead, book.YearPublished, book.Pages, book.Rating));
        var kept = BookExtras.Parse(book.Extras).For("csv").ToDictionary(e => e.Key, e => e.Value);
        Assert.Equal(("11/31/2000", "0", "many", "lots"), (kept["Read On"], kept["Year"], kept["Pages"], kept["Stars"]));
    }

    [Fact]
    public async Task ExecuteAsync_EveryRowRejected_FailsAsBadInputAndChangesNothing()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportTextAsync(db, "title,number_of_pages,first_name,last_name\nEmma,474,Jane,Austen\n");

        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream("title,number_of_pages,first_name,last_name\n,12,Ann,Writer\n ,13,Bob,Writer\n"u8.ToArray())));

        Assert.Equal((CatalogErrorCodes.AllRejected, Shelf.Core.Common.ErrorKind.Invalid), (error.Code, error.Kind));
        Assert.Contains("every one of the 2 rows was rejected (line 2:", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Emma"], await db.Books.Select(b => b.Title).ToListAsync());
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : BadCellTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : BadCellTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : BadCellTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
