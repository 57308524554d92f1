using Microsoft.EntityFrameworkCore;
using Shelf.Core.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Books;

/// <summary>Several writers at once, each on its own connection, as separate programs would be.</summary>
public abstract class ConcurrentAddBookTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_WritersAddingBooksOfTheSameNewAuthorAtOnce_AllSucceedWithOneAuthor()
    {
        var target = await fixture.NewDatabaseAsync();
        await (await DatabaseFixture.OpenAsync(target)).DisposeAsync();

        using var start = new ManualResetEventSlim();
        var writers = Enumerable.Range(1, 6).Select(i => Task.Run(async () =>
        {
            await using var db = await DatabaseFixture.OpenAsync(target);
            start.Wait();
            return await new AddBook(db).ExecuteAsync(BookTestData.Request($"Volume {i}", "Brand New Author"), default);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(writers);

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
        await using var check = await DatabaseFixture.OpenAsync(target);
        Assert.Equal(["Brand New Author"], await check.Authors.Select(a => a.Name).ToListAsync());
        Assert.Equal(6, await check.BookAuthors.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_WritersAddingTheSameIsbnAtOnce_OneWinsTheOthersGetAConflict()
    {
        var target = await fixture.NewDatabaseAsync();
        await (await DatabaseFixture.OpenAsync(target)).DisposeAsync();

        using var start = new ManualResetEventSlim();
        var writers = Enumerable.Range(1, 4).Select(i => Task.Run(async () =>
        {
            await using var db = await DatabaseFixture.OpenAsync(target);
            start.Wait();
            return await new AddBook(db).ExecuteAsync(BookTestData.Request($"Copy {i}", $"Author {i}") with { Isbn = "9780261102217" }, default);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(writers);

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("book.duplicate_isbn", r.Error!.Code));
        await using var check = await DatabaseFixture.OpenAsync(target);
        Assert.Equal(1, await check.Books.CountAsync());
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ConcurrentAddBookTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ConcurrentAddBookTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : ConcurrentAddBookTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
