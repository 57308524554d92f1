using Shelf.Core.Common;
using Shelf.Core.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Books;

public abstract class ListBooksTests(DatabaseFixture fixture)
{
    private static async Task SeedAsync(Shelf.Core.Data.ShelfDbContext db)
    {
        await BookTestData.AddAsync(db, BookTestData.Request("Emma", "Jane Austen") with { Year = "1815", Pages = "474" });
        await BookTestData.AddAsync(db, BookTestData.Request("Beloved", "Toni Morrison") with { Year = "1987", Pages = "324" });
        await BookTestData.AddAsync(db, BookTestData.Request("Persuasion", "Jane Austen") with { Year = "1817", Pages = "249" });
        await BookTestData.AddAsync(db, BookTestData.Request("Ángel", "Zoe Adams") with { Year = "2001" });
    }

    [Theory]
    [InlineData(BookSort.Title, false, new[] { "Ángel", "Beloved", "Emma", "Persuasion" })]
    [InlineData(BookSort.Title, true, new[] { "Persuasion", "Emma", "Beloved", "Ángel" })]
    [InlineData(BookSort.Author, false, new[] { "Ángel", "Emma", "Persuasion", "Beloved" })]
    [InlineData(BookSort.Year, true, new[] { "Ángel", "Beloved", "Persuasion", "Emma" })]
    [InlineData(BookSort.Id, false, new[] { "Emma", "Beloved", "Persuasion", "Ángel" })]
    public async Task ExecuteAsync_Sort_OrdersBooks(BookSort sort, bool descending, string[] expected)
    {
        await using var db = await fixture.OpenNewAsync();
        await SeedAsync(db);

        var page = await new ListBooks(db).ExecuteAsync(new ListBooksRequest { Sort = sort, Descending = descending }, default);

        Assert.Equal(expected, page.Value.Books.Select(b => b.Title));
    }

    [Fact]
    public async Task ExecuteAsync_AuthorFilter_ReturnsOnlyTheirBooksAndCountsThem()
    {
        await using var db = await fixture.OpenNewAsync();
        await SeedAsync(db);

        var page = await new ListBooks(db).ExecuteAsync(new ListBooksRequest { Author = "AUSTEN", CountTotal = true }, default);

        Assert.Equal(["Emma", "Persuasion"], page.Value.Books.Select(b => b.Title));
        Assert.Equal(2, page.Value.Total);
        Assert.All(page.Value.Books, b => Assert.Equal(["Jane Austen"], b.Authors));
    }

    [Fact]
    public async Task ExecuteAsync_LimitAndOffset_ReturnAPage()
    {
        await using var db = await fixture.OpenNewAsync();
        await SeedAsync(db);

        var page = await new ListBooks(db).ExecuteAsync(new ListBooksRequest { Limit = 2, Offset = 1, CountTotal = true }, default);

        Assert.Equal(["Beloved", "Emma"], page.Value.Books.Select(b => b.Title));
        Assert.Equal(4, page.Value.Total);
    }

    [Fact]
    public async Task ExecuteAsync_NegativeLimit_ReturnsInvalid()
    {
        await using var db = await fixture.OpenNewAsync();

        var page = await new ListBooks(db).ExecuteAsync(new ListBooksRequest { Limit = -1 }, default);

        Assert.Equal(ErrorKind.Invalid, page.Error!.Kind);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ListBooksTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ListBooksTests(fixture), IClassFixture<PostgresDatabaseFixture>;
}
