using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary><c>shelf edit</c> with the owner's fields, <c>shelf shelves</c>, <c>shelf list --shelf/--status</c> and what <c>shelf show</c> shows.</summary>
public abstract class PersonalFieldsCommandsTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Edit_StatusRatingShelf_ShownByShowAndFoundByList()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Dune", "--author", "Frank Herbert");
        await shelf.RunAsync("add", "Emma", "--author", "Jane Austen");

        var edited = await shelf.RunAsync("edit", "1", "--status", "read", "--rating", "4", "--shelf", "favourites", "--shelf", "Sci-Fi", "--date-read", "2024-10-06", "--location", "Study");
        var shown = JsonDocument.Parse((await shelf.RunAsync("show", "1", "--json")).Out).RootElement;
        var onShelf = await shelf.RunAsync("list", "--shelf", "sci fi", "--status", "read", "--json");
        var shelves = JsonDocument.Parse((await shelf.RunAsync("shelves", "--json")).Out).RootElement;
        var plainShow = await shelf.RunAsync("show", "1");

        Assert.Equal(0, edited.ExitCode);
        Assert.Equal(("read", 4, "2024-10-06", "Study"), (shown.GetProperty("status").GetString(), shown.GetProperty("rating").GetInt32(), shown.GetProperty("dateRead").GetString(), shown.GetProperty("location").GetString()));
        Assert.Equal(["favourites", "Sci-Fi"], shown.GetProperty("shelves").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["Dune"], JsonDocument.Parse(onShelf.Out).RootElement.EnumerateArray().Select(b => b.GetProperty("title").GetString()));
        Assert.Equal([("favourites", 1), ("Sci-Fi", 1)], shelves.EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("bookCount").GetInt32())));
        Assert.Contains("Shelves\tfavourites, Sci-Fi", plainShow.Out, StringComparison.Ordinal);
        Assert.Contains("Status\tread", plainShow.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_StatusAliasesAndOwnShelves_AreKept()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Dune", "--author", "Frank Herbert");
        await shelf.RunAsync("add", "Emma", "--author", "Jane Austen");

        await shelf.RunAsync("edit", "1", "--status", "currently-reading");
        await shelf.RunAsync("edit", "2", "--status", "owned-unread");

        Assert.Equal("reading", JsonDocument.Parse((await shelf.RunAsync("show", "1", "--json")).Out).RootElement.GetProperty("status").GetString());
        Assert.Equal(["Emma"], Titles((await shelf.RunAsync("list", "--status", "owned-unread", "--json")).Out));
        Assert.Equal(["Dune"], Titles((await shelf.RunAsync("list", "--status", "reading", "--json")).Out));
    }

    [Fact]
    public async Task Edit_RemoveShelfAndClearFields_TakesThemAway()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Dune", "--author", "Frank Herbert");
        await shelf.RunAsync("edit", "1", "--rating", "5", "--shelf", "favourites", "--review", "Spice.");

        var cleared = await shelf.RunAsync("edit", "1", "--rating", "", "--remove-shelf", "Favourites", "--review", "");
        var shown = JsonDocument.Parse((await shelf.RunAsync("show", "1", "--json")).Out).RootElement;

        Assert.Equal(0, cleared.ExitCode);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("rating").ValueKind);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("review").ValueKind);
        Assert.Empty(shown.GetProperty("shelves").EnumerateArray());
    }

    [Theory]
    [InlineData("--rating", "6", "1 to 5 stars")]
    [InlineData("--date-read", "yesterday", "date such as")]
    [InlineData("--read-count", "-1", "whole number")]
    [InlineData("--shelf", "!!!", "shelf name")]
    public async Task Edit_BadPersonalValue_ExitsWith2AndChangesNothing(string option, string value, string message)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Dune", "--author", "Frank Herbert");
        var before = await CliDatabase.SnapshotAsync(shelf);

        var result = await shelf.RunAsync("edit", "1", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [Fact]
    public async Task Edit_RemoveShelfTheBookIsNotOn_ExitsWith3()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Dune", "--author", "Frank Herbert");

        var result = await shelf.RunAsync("edit", "1", "--remove-shelf", "nowhere");

        Assert.Equal(3, result.ExitCode);
    }

    [RealExportFact("goodreads_export__BH-BH__goodreads_library_export.csv")]
    public async Task Show_ImportedGoodreadsBook_ShowsPersonalFieldsIdsAndExtras()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("import", RealExports.PathOf("goodreads_export__BH-BH__goodreads_library_export.csv"));

        var shown = await shelf.RunAsync("show", "3");

        Assert.Contains("Status\tread", shown.Out, StringComparison.Ordinal);
        Assert.Contains("Rating\t★★★☆☆ (3/5)", shown.Out, StringComparison.Ordinal);
        Assert.Contains("Ids\tgoodreads:9598224", shown.Out, StringComparison.Ordinal);
        Assert.Contains("goodreads: Average Rating\t4.00", shown.Out, StringComparison.Ordinal);
    }

    private static List<string?> Titles(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(b => b.GetProperty("title").GetString())];

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : PersonalFieldsCommandsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : PersonalFieldsCommandsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : PersonalFieldsCommandsTests(fixture), IClassFixture<MySqlDatabaseFixture>;

}
