using Shelf.Core.Data;
using Shelf.Testing;

namespace Shelf.Cli.Tests;

/// <summary>Gives each CLI test a fresh library and the <c>--db</c> value that names it.</summary>
internal static class CliDatabase
{
    public static async Task<CliRunner> NewRunnerAsync(DatabaseFixture fixture, bool terminal = false, string input = "")
    {
        var target = await fixture.NewDatabaseAsync();
        return new CliRunner(DbArgument(target)) { Terminal = terminal, Input = input };
    }

    /// <summary>A SQLite file is named by its path; PostgreSQL by its Npgsql connection string.</summary>
    public static string DbArgument(DatabaseTarget target) => target.FilePath ?? target.ConnectionString;

    /// <summary>Everything a user can see of the library, to prove a failed command changed nothing.</summary>
    public static async Task<string> SnapshotAsync(CliRunner runner)
    {
        var books = await runner.RunAsync("list", "--all", "--json", "--sort", "id");
        var authors = await runner.RunAsync("authors", "--json");
        Assert.Equal(0, books.ExitCode);
        Assert.Equal(0, authors.ExitCode);
        return books.Out + authors.Out;
    }
}
