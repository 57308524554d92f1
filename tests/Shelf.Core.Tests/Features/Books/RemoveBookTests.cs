using Microsoft.EntityFrameworkCore;
using Shelf.Core.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Books;

public abstract class RemoveBookTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_ById_RemovesBookAndCreditsButKeepsAuthors()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await BookTestData.AddAsync(db, "Gone", "Stays Here");
        await BookTestData.AddAsync(db, "Kept", "Other Person");

        var removed = await new RemoveBook(db).ExecuteAsync(book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), default);

        Assert.Equal("Gone", removed.Value.Title);
        Assert.Equal(["Kept"], await db.Books.Select(b => b.Title).ToListAsync());
        Assert.Equal(1, await db.BookAuthors.CountAsync());
        Assert.Equal(2, await db.Authors.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_ByIsbn10_RemovesTheBook()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, BookTestData.Request("The Hobbit", "J.R.R. Tolkien") with { Isbn = "9780261102217" });

        var removed = await new RemoveBook(db).ExecuteAsync("0-261-10221-4", default);

        Assert.True(removed.IsSuccess);
        Assert.Equal(0, await db.Books.CountAsync());
    }

    [Theory]
    [InlineData("999")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("9780261102217")]
    public async Task ExecuteAsync_Unknown_ReturnsNotFoundAndRemovesNothing(string reference)
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "Kept", "Someone");

        var removed = await new RemoveBook(db).ExecuteAsync(reference, default);

        Assert.Equal("book.not_found", removed.Error!.Code);
        Assert.Equal(1, await db.Books.CountAsync());
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : RemoveBookTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : RemoveBookTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : RemoveBookTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
