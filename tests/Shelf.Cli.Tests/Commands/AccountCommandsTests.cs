using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>shelf user and shelf token on both databases.</summary>
public abstract class AccountCommandsTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task UserAdd_PasswordFromStdin_ThenListShowsNameAndRole()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var added = await new CliRunner(shelf.Database) { Input = "correct horse\n" }.RunAsync("user", "add", "Ann", "--role", "owner", "--password-stdin");
        var listed = await shelf.RunAsync("user", "list");

        Assert.Equal((0, "Added Ann (owner)\n"), (added.ExitCode, added.Out));
        Assert.Equal("Ann\towner\n", listed.Out);
    }

    [Theory]
    [InlineData("short\n", "--role owner", 2, "a password needs at least 8 characters")]
    [InlineData("correct horse\n", "--role admin", 2, "'admin' is not a role; use owner, editor or viewer")]
    [InlineData("", "--role owner", 2, "a password needs at least 8 characters")]
    public async Task UserAdd_BadInput_OneLineAndNoUser(string input, string role, int exitCode, string message)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await new CliRunner(shelf.Database) { Input = input }.RunAsync(["user", "add", "ann", .. role.Split(' '), "--password-stdin"]);
        var listed = await shelf.RunAsync("user", "list", "--json");

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal($"error: {message}", Assert.Single(result.ErrorLines));
        Assert.Equal("[]", listed.Out.Trim());
    }

    [Fact]
    public async Task UserAdd_OffATerminalWithoutPasswordStdin_SaysHowToGiveOne()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("user", "add", "ann", "--role", "owner");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--password-stdin", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAdd_OnATerminal_AsksTwiceAndRetriesWhenTheyDiffer()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await new CliRunner(shelf.Database) { Terminal = true, Input = "correct horse\ncorrect hose\ncorrect horse\ncorrect horse\n" }.RunAsync("user", "add", "ann", "--role", "editor");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("the two passwords differ; try again", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastOwner_CannotBeRemovedOrDemoted_WithAHint()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await new CliRunner(shelf.Database) { Input = "correct horse\n" }.RunAsync("user", "add", "ann", "--role", "owner", "--password-stdin");

        var removed = await shelf.RunAsync("user", "remove", "ann", "--yes");
        var demoted = await shelf.RunAsync("user", "role", "ann", "viewer");

        Assert.Equal(4, removed.ExitCode);
        Assert.Equal("error: ann is the only owner; make another user an owner first; 'shelf user role NAME owner' makes another", removed.Error.Trim());
        Assert.Equal(4, demoted.ExitCode);
    }

    [Fact]
    public async Task TokenCreate_PrintsOnlyTheSecret_ListShowsItsStart_RevokeRemovesIt()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await new CliRunner(shelf.Database) { Input = "correct horse\n" }.RunAsync("user", "add", "ann", "--role", "owner", "--password-stdin");

        var created = await shelf.RunAsync("token", "create", "--user", "ann", "--label", "backup");
        var listed = await shelf.RunAsync("token", "list", "--json");
        var token = JsonDocument.Parse(listed.Out).RootElement.EnumerateArray().Single();
        var revoked = await shelf.RunAsync("token", "revoke", token.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var again = await shelf.RunAsync("token", "revoke", token.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Matches("^shelf_[A-Za-z0-9_-]{43}\n$", created.Out);
        Assert.Equal(created.Out[..12], token.GetProperty("prefix").GetString());
        Assert.Equal("backup", token.GetProperty("label").GetString());
        Assert.DoesNotContain(created.Out.Trim(), listed.Out, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(3, again.ExitCode);
    }

    [Fact]
    public async Task TokenCreate_ForNobody_IsNotFound()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("token", "create", "--user", "ghost");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith("error: there is no user named ghost", result.Error, StringComparison.Ordinal);
    }

    public sealed class Sqlite(SqliteDatabaseFixture db) : AccountCommandsTests(db), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture db) : AccountCommandsTests(db), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture db) : AccountCommandsTests(db), IClassFixture<MySqlDatabaseFixture>;
}
