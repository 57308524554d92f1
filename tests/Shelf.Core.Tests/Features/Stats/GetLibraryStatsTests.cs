using System.Globalization;
using Shelf.Core.Data;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Stats;
using Shelf.Core.Tests.Features.Books;
using Shelf.Core.Tests.Features.Sales;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Stats;

public abstract class GetLibraryStatsTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_EmptyLibrary_ZerosAndNoLines()
    {
        await using var db = await fixture.OpenNewAsync();

        var stats = (await new GetLibraryStats(db).ExecuteAsync(new GetLibraryStatsRequest(), default)).Value;

        Assert.Equal(0, stats.Books);
        Assert.Equal(0, stats.Authors);
        Assert.Equal(0, stats.Pages);
        Assert.Null(stats.AverageRating);
        Assert.Empty(stats.ByStatus);
        Assert.Empty(stats.ReadByYear);
        Assert.Empty(stats.ReadByMonth);
        Assert.Empty(stats.TopAuthors);
        Assert.Empty(stats.TopShelves);
        Assert.Empty(stats.Sales);
    }

    [Fact]
    public async Task ExecuteAsync_Library_CountsSumsAndRankingsAgreeWithTheBooks()
    {
        await using var db = await fixture.OpenNewAsync();
        await AddReadAsync(db, "Emma", "Jane Austen", pages: 400, read: "2025-03-09", rating: "5", shelf: "classics");
        await AddReadAsync(db, "Persuasion", "Jane Austen", pages: 250, read: "2025-03-20", rating: "4", shelf: "classics");
        await AddReadAsync(db, "Dune", "Frank Herbert", pages: 600, read: "2026-01-02", rating: "3", shelf: "sf");
        var unread = await BookTestData.AddAsync(db, BookTestData.Request("Middlemarch", "George Eliot", "Jane Austen") with { Pages = "800" });
        await Edit(db, unread.Id, new EditBookRequest(Id(unread.Id)) { Status = "want-to-read", AddShelves = ["classics"] });
        await BookTestData.AddAsync(db, "No Pages", "Frank Herbert");

        var stats = (await new GetLibraryStats(db).ExecuteAsync(new GetLibraryStatsRequest(), default)).Value;

        Assert.Equal(5, stats.Books);
        Assert.Equal(3, stats.Authors);
        Assert.Equal(2, stats.Shelves);
        Assert.Equal(400 + 250 + 600 + 800, stats.Pages);
        Assert.Equal(4.00m, stats.AverageRating);
        Assert.Equal(3, stats.RatedBooks);
        Assert.Equal([new StatusCount("read", 3), new StatusCount(null, 1), new StatusCount("want-to-read", 1)], stats.ByStatus);
        Assert.Equal([new ReadingPeriod(2025, null, 2, 650), new ReadingPeriod(2026, null, 1, 600)], stats.ReadByYear);
        Assert.Equal([new ReadingPeriod(2025, 3, 2, 650), new ReadingPeriod(2026, 1, 1, 600)], stats.ReadByMonth);

        // Jane Austen is first author of two books and second of one: all three count.
        Assert.Equal(["Jane Austen:3", "Frank Herbert:2", "George Eliot:1"], stats.TopAuthors.Select(a => $"{a.Name}:{a.Books}"));
        Assert.Equal(["classics:3", "sf:1"], stats.TopShelves.Select(s => $"{s.Name}:{s.Books}"));
    }

    [Fact]
    public async Task ExecuteAsync_Year_LimitsReadingAndSalesToIt()
    {
        await using var db = await fixture.OpenNewAsync();
        await AddReadAsync(db, "Emma", "Jane Austen", pages: 400, read: "2025-12-31", rating: null, shelf: null);
        await AddReadAsync(db, "Dune", "Frank Herbert", pages: 600, read: "2026-01-01", rating: null, shelf: null);
        var sold = await SaleTestData.AddBookAsync(db, "For Sale", price: "10.00");
        await SaleTestData.RecordAsync(db, sold.Id, 2, "10.00", soldAt: "2025-06-01");
        await SaleTestData.RecordAsync(db, sold.Id, 1, "10.00", soldAt: "2026-02-01");

        var stats = (await new GetLibraryStats(db).ExecuteAsync(new GetLibraryStatsRequest { Year = "2026" }, default)).Value;
        var all = (await new GetLibraryStats(db).ExecuteAsync(new GetLibraryStatsRequest(), default)).Value;

        Assert.Equal(2026, stats.Year);
        Assert.Equal(3, stats.Books);
        Assert.Equal([new ReadingPeriod(2026, 1, 1, 600)], stats.ReadByMonth);
        Assert.Equal([new ReadingPeriod(2026, null, 1, 600)], stats.ReadByYear);
        var sales = Assert.Single(stats.Sales);
        Assert.Equal(("USD", 1L, 10.00m), (sales.Currency, sales.UnitsSold, sales.Net));
        Assert.Equal(30.00m, Assert.Single(all.Sales).Net);
    }

    [Theory]
    [InlineData("twenty")]
    [InlineData("0")]
    [InlineData("10000")]
    [InlineData("-2026")]
    [InlineData("2026-01")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public async Task ExecuteAsync_BadYear_Invalid(string year)
    {
        await using var db = await fixture.OpenAsync();

        var stats = await new GetLibraryStats(db).ExecuteAsync(new GetLibraryStatsRequest { Year = year }, default);

        Assert.Equal(StatsErrorCodes.YearInvalid, stats.Error!.Code);
    }

    private static async Task AddReadAsync(ShelfDbContext db, string title, string author, int pages, string read, string? rating, string? shelf)
    {
        var book = await BookTestData.AddAsync(db, BookTestData.Request(title, author) with { Pages = pages.ToString(CultureInfo.InvariantCulture) });
        await Edit(db, book.Id, new EditBookRequest(Id(book.Id)) { Status = "read", DateRead = read, Rating = rating, AddShelves = shelf is null ? [] : [shelf] });
    }

    private static async Task Edit(ShelfDbContext db, int id, EditBookRequest request)
    {
        var edited = await new EditBook(db).ExecuteAsync(request, default);
        Assert.True(edited.IsSuccess, edited.Error?.Message);
        db.ChangeTracker.Clear();
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : GetLibraryStatsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : GetLibraryStatsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : GetLibraryStatsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
