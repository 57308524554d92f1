using Microsoft.EntityFrameworkCore;
using Shelf.Core.Features.Search;
using Shelf.Core.Tests.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Search;

/// <summary>
/// What a search costs PostgreSQL in round trips, the thing that bounds a busy web host
/// (bench/web.sh): each statement of a search is one, whatever it reads.
/// </summary>
public sealed class SearchRoundTripTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task ExecuteAsync_RankedPrefix_FiveRoundTrips()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "The Left Hand of Darkness", "Ursula K. Le Guin");
        await BookTestData.AddAsync(db, "Darkness Visible", "William Styron");
        await BookTestData.AddAsync(db, "Heart of Darkness", "Joseph Conrad");
        await BookTestData.AddAsync(db, "The Dark Is Rising", "Susan Cooper");

        using var commands = new NpgsqlCommandCounter(db.Database.GetDbConnection().Database);
        var found = await new SearchBooks(db).ExecuteAsync(new SearchBooksRequest("dark") { Limit = 20 }, default);

        Assert.Equal(["Darkness Visible", "Heart of Darkness", "The Dark Is Rising", "The Left Hand of Darkness"], found.Value!.Select(b => b.Title).Order(StringComparer.Ordinal));
        Assert.All(found.Value!, b => Assert.NotEmpty(b.Authors));

        // The word's terms (dark, darkness) in one read (was three), the titles starting with it, the
        // books holding "dark" whole with the planner settings around them (was three), too few, so
        // the prefix's books the same way (was three), then the page's books with their credits (was two).
        Assert.True(commands.Count == 5, commands.Statements);
    }
}
