using Shelf.Core.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Books;

/// <summary>The same scenarios on both databases: search must give the same books on SQLite and PostgreSQL.</summary>
public abstract class SearchBooksTests(DatabaseFixture fixture)
{
    private static async Task SeedAsync(Shelf.Core.Data.ShelfDbContext db)
    {
        await BookTestData.AddAsync(db, "Cien años de soledad", "Gabriel García Márquez");
        await BookTestData.AddAsync(db, "The Hobbit", "J.R.R. Tolkien");
        await BookTestData.AddAsync(db, "The Lord of the Rings", "J.R.R. Tolkien");
        await BookTestData.AddAsync(db, "Ægir's Saga: ØRESUND", "Björk Guðmundsdóttir");
        await BookTestData.AddAsync(db, "Война и мир", "Лев Толстой");
    }

    [Theory]
    [InlineData("HOBBIT", new[] { "The Hobbit" })]
    [InlineData("tolkien", new[] { "The Hobbit", "The Lord of the Rings" })]
    [InlineData("j. r. r.", new[] { "The Hobbit", "The Lord of the Rings" })]
    [InlineData("lord tolkien", new[] { "The Lord of the Rings" })]
    [InlineData("garcia marquez", new[] { "Cien años de soledad" })]
    [InlineData("AÑOS", new[] { "Cien años de soledad" })]
    [InlineData("oresund", new[] { "Ægir's Saga: ØRESUND" })]
    [InlineData("ВОЙНА", new[] { "Война и мир" })]
    [InlineData("толстой", new[] { "Война и мир" })]
    [InlineData("hobbit garcia", new string[0])]
    [InlineData("%", new string[0])]
    public async Task ExecuteAsync_Query_FindsBooksByTitleOrAuthorIgnoringCaseAndAccents(string query, string[] expected)
    {
        await using var db = await fixture.OpenNewAsync();
        await SeedAsync(db);

        var found = await new SearchBooks(db).ExecuteAsync(query, 50, default);

        if (query == "%")
        {
            Assert.Equal("search.empty", found.Error!.Code);
            return;
        }

        Assert.Equal(expected, found.Value.Select(b => b.Title));
    }

    [Fact]
    public async Task ExecuteAsync_Term_MatchesTheStartOfWordsOnly()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "100% Pure", "Someone");
        await BookTestData.AddAsync(db, "1000 Places", "Someone Else");
        await BookTestData.AddAsync(db, "Björk", "Anyone");

        var byNumber = await new SearchBooks(db).ExecuteAsync("1000", 50, default);
        var byMiddleOfWord = await new SearchBooks(db).ExecuteAsync("jork", 50, default);

        Assert.Equal(["1000 Places"], byNumber.Value.Select(b => b.Title));
        Assert.Empty(byMiddleOfWord.Value);
    }

    [Fact]
    public async Task ExecuteAsync_Limit_CapsResults()
    {
        await using var db = await fixture.OpenNewAsync();
        await SeedAsync(db);

        var found = await new SearchBooks(db).ExecuteAsync("the", 1, default);

        Assert.Equal(["The Hobbit"], found.Value.Select(b => b.Title));
    }

    [Fact]
    public async Task ExecuteAsync_OverlongQuery_ReturnsInvalid()
    {
        await using var db = await fixture.OpenNewAsync();

        var found = await new SearchBooks(db).ExecuteAsync(new string('a', 10_000), 50, default);

        Assert.Equal("search.too_long", found.Error!.Code);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : SearchBooksTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : SearchBooksTests(fixture), IClassFixture<PostgresDatabaseFixture>;
}
