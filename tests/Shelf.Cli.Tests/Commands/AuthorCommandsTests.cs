using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>authors, author show / rename / merge on both databases.</summary>
public abstract class AuthorCommandsTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Authors_Json_HasIdNameAndBookCount()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Emma", "--author", "Jane Austen");
        await shelf.RunAsync("add", "Persuasion", "--author", "Austen, Jane");

        var result = await shelf.RunAsync("authors", "--json");

        var author = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().Single();
        Assert.Equal(1, author.GetProperty("id").GetInt32());
        Assert.Equal("Jane Austen", author.GetProperty("name").GetString());
        Assert.Equal(2, author.GetProperty("bookCount").GetInt32());
    }

    [Fact]
    public async Task AuthorShow_ByNameWrittenAnotherWay_ListsTheirBooks()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien");

        var result = await shelf.RunAsync("author", "show", "Tolkien, J. R. R.", "--json");

        Assert.Equal(0, result.ExitCode);
        var author = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("J.R.R. Tolkien", author.GetProperty("name").GetString());
        Assert.Equal("The Hobbit", author.GetProperty("books")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task AuthorShow_Unknown_ExitsWith3()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("author", "show", "Nobody At All");

        Assert.Equal(3, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public async Task AuthorRename_ThenMerge_LeavesOnePersonWithEveryBook()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "A Wizard of Earthsea", "--author", "Ursula Le Guin");
        await shelf.RunAsync("add", "The Dispossessed", "--author", "Ursula K. Le Guin");

        var renameOntoOther = await shelf.RunAsync("author", "rename", "1", "Ursula K. Le Guin");
        var merged = await shelf.RunAsync("author", "merge", "Ursula Le Guin", "2", "--yes");
        var renamed = await shelf.RunAsync("author", "rename", "2", "Le Guin, Ursula Kroeber");
        var authors = JsonDocument.Parse((await shelf.RunAsync("authors", "--json")).Out).RootElement;

        Assert.Equal(4, renameOntoOther.ExitCode);
        Assert.Contains("shelf author merge", renameOntoOther.Error, StringComparison.Ordinal);
        Assert.Equal(0, merged.ExitCode);
        Assert.Equal(0, renamed.ExitCode);
        var only = authors.EnumerateArray().Single();
        Assert.Equal("Ursula Kroeber Le Guin", only.GetProperty("name").GetString());
        Assert.Equal(2, only.GetProperty("bookCount").GetInt32());
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : AuthorCommandsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : AuthorCommandsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : AuthorCommandsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
