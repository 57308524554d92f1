using System.Globalization;
using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>edit --where and remove --where through the real command tree, on both databases.</summary>
public abstract class BulkEditCommandsTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task EditWhere_Yes_ChangesEveryMatchAndSaysHowMany()
    {
        var shelf = await LibraryAsync(terminal: false);

        var result = await shelf.RunAsync("edit", "--where", "author:pratchett", "--status", "read", "--shelf", "discworld", "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Updated 2 books", result.Out.Trim());
        Assert.Contains("2\tMort", (await shelf.RunAsync("list", "--shelf", "discworld")).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Emma", (await shelf.RunAsync("list", "--status", "read")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditWhere_Json_CountAndIds()
    {
        var shelf = await LibraryAsync(terminal: false);

        var result = await shelf.RunAsync("edit", "--where", "author:pratchett", "--location", "attic", "--yes", "--json");

        var change = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(2, change.GetProperty("count").GetInt32());
        Assert.Equal([1, 2], change.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()));
    }

    [Fact]
    public async Task EditWhere_DryRun_ListsThemAndChangesNothing()
    {
        var shelf = await LibraryAsync(terminal: false);
        var before = await CliDatabase.SnapshotAsync(shelf);

        var result = await shelf.RunAsync("edit", "--where", "author:pratchett", "--status", "read", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("The Colour of Magic", result.Out, StringComparison.Ordinal);
        Assert.Contains("Mort", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Emma", result.Out, StringComparison.Ordinal);
        Assert.Contains("2 books would change (dry run); nothing was changed", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [Theory]
    [InlineData("y\n", true)]
    [InlineData("n\n", false)]
    public async Task EditWhere_OnATerminal_SaysHowManyAndAsks(string answer, bool changed)
    {
        var target = await fixture.NewDatabaseAsync();
        var setup = new CliRunner(CliDatabase.DbArgument(target));
        await FillAsync(setup);
        var shelf = new CliRunner(setup.Database) { Terminal = true, Input = answer };

        var result = await shelf.RunAsync("edit", "--where", "author:pratchett", "--status", "abandoned");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Change 2 books matching 'author:pratchett'? [y/N]", result.Error, StringComparison.Ordinal);
        Assert.Equal(changed, (await setup.RunAsync("list", "--status", "abandoned")).Out.Contains("Mort", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditWhere_OffATerminalWithoutYes_ExitsWith2AndChangesNothing()
    {
        var shelf = await LibraryAsync(terminal: false);
        var before = await CliDatabase.SnapshotAsync(shelf);

        var result = await shelf.RunAsync("edit", "--where", "author:pratchett", "--status", "read");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--yes", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [Theory]
    [InlineData(new[] { "edit", "1", "--where", "mort", "--status", "read" }, "not both")]
    [InlineData(new[] { "edit", "--status", "read" }, "name one book")]
    [InlineData(new[] { "edit", "1", "--status", "read", "--dry-run" }, "go with --where")]
    [InlineData(new[] { "edit", "--where", "author:pratchett", "--rating", "9", "--yes" }, "rating")]
    [InlineData(new[] { "edit", "--where", "author:pratchett", "--isbn", "9780552137034", "--yes" }, "book by book")]
    [InlineData(new[] { "edit", "--where", "author:pratchett", "--yes" }, "nothing to change")]
    [InlineData(new[] { "edit", "--where", "", "--status", "read", "--yes" }, "no letters or digits")]
    [InlineData(new[] { "remove", "1", "--where", "mort", "--yes" }, "not both")]
    [InlineData(new[] { "remove", "1", "--dry-run" }, "goes with --where")]
    public async Task BadBulkInput_ExitsWith2OnOneLineAndChangesNothing(string[] args, string message)
    {
        var shelf = await LibraryAsync(terminal: false);
        var before = await CliDatabase.SnapshotAsync(shelf);

        var result = await shelf.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [Fact]
    public async Task EditWhere_HugeQuery_RefusedOnOneLine()
    {
        var shelf = await LibraryAsync(terminal: false);

        var result = await shelf.RunAsync("edit", "--where", new string('a', 100_000), "--status", "read", "--yes");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public async Task RemoveWhere_Yes_RemovesTheMatches()
    {
        var shelf = await LibraryAsync(terminal: false);

        var dry = await shelf.RunAsync("remove", "--where", "shelf:to-sort", "--dry-run");
        var result = await shelf.RunAsync("remove", "--where", "shelf:to-sort", "--yes");

        Assert.Contains("Emma", dry.Out, StringComparison.Ordinal);
        Assert.Equal("Removed 3 books", result.Out.Trim());
        Assert.Equal("[]", (await shelf.RunAsync("list", "--json")).Out.Trim());
    }

    [Fact]
    public async Task RemoveWhere_SomeOutOnLoan_TheQuestionSaysHowManyAndNoKeepsThem()
    {
        var target = await fixture.NewDatabaseAsync();
        var setup = new CliRunner(CliDatabase.DbArgument(target));
        await FillAsync(setup);
        var mort = JsonDocument.Parse((await setup.RunAsync("search", "mort", "--json")).Out).RootElement[0].GetProperty("id").GetInt32();
        Assert.Equal(0, (await setup.RunAsync("lend", mort.ToString(CultureInfo.InvariantCulture), "--to", "Anne")).ExitCode);
        var before = await CliDatabase.SnapshotAsync(setup);
        var shelf = new CliRunner(setup.Database) { Terminal = true, Input = "n\n" };

        var result = await shelf.RunAsync("remove", "--where", "author:pratchett");

        Assert.Contains("Remove 2 books matching 'author:pratchett' (1 of them out on loan)? [y/N]", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(setup));
    }

    [Fact]
    public async Task RemoveWhere_NothingMatches_SaysSoAndExits0()
    {
        var target = await fixture.NewDatabaseAsync();
        var setup = new CliRunner(CliDatabase.DbArgument(target));
        await FillAsync(setup);
        var shelf = new CliRunner(setup.Database) { Terminal = true, Input = "y\n" };

        var result = await shelf.RunAsync("remove", "--where", "author:nobody");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no book matches", result.Error, StringComparison.Ordinal);
    }

    private async Task<CliRunner> LibraryAsync(bool terminal)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture, terminal);
        await FillAsync(shelf);
        return shelf;
    }

    private static async Task FillAsync(CliRunner shelf)
    {
        Assert.Equal(0, (await shelf.RunAsync("add", "The Colour of Magic", "--author", "Terry Pratchett")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("add", "Mort", "--author", "Terry Pratchett")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("add", "Emma", "--author", "Jane Austen")).ExitCode);
        foreach (var id in new[] { "1", "2", "3" })
        {
            Assert.Equal(0, (await shelf.RunAsync("edit", id, "--shelf", "to-sort")).ExitCode);
        }
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : BulkEditCommandsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : BulkEditCommandsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : BulkEditCommandsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
