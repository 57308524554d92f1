using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>shelf stats through the real command tree, on both databases.</summary>
public abstract class StatsCommandTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Stats_Json_CountsReadingAndSales()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Emma", "--author", "Jane Austen", "--pages", "400", "--price", "9.50");
        await shelf.RunAsync("edit", "1", "--status", "read", "--date-read", "2026-03-09", "--rating", "4", "--shelf", "classics");
        await shelf.RunAsync("add", "Dune", "--author", "Frank Herbert", "--pages", "600");
        await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "2", "--date", "2026-04-01");

        var result = await shelf.RunAsync("stats", "--json", "--year", "2026");

        Assert.Equal(0, result.ExitCode);
        var stats = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(2, stats.GetProperty("books").GetInt64());
        Assert.Equal(1000, stats.GetProperty("pages").GetInt64());
        Assert.Equal(4.0m, stats.GetProperty("averageRating").GetDecimal());
        var month = stats.GetProperty("readByMonth").EnumerateArray().Single();
        Assert.Equal((2026, 3, 1, 400), (month.GetProperty("year").GetInt32(), month.GetProperty("month").GetInt32(), month.GetProperty("books").GetInt32(), month.GetProperty("pages").GetInt32()));
        Assert.Equal("Jane Austen", stats.GetProperty("topAuthors")[0].GetProperty("name").GetString());
        Assert.Equal("classics", stats.GetProperty("topShelves")[0].GetProperty("name").GetString());
        Assert.Equal(19.00m, stats.GetProperty("sales").EnumerateArray().Single().GetProperty("net").GetDecimal());
    }

    [Fact]
    public async Task Stats_Piped_KeyValueLines()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Emma", "--author", "Jane Austen", "--pages", "400");
        await shelf.RunAsync("edit", "1", "--status", "read", "--date-read", "2025-03-09");

        var result = await shelf.RunAsync("stats");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("books\t1", lines);
        Assert.Contains("status.read\t1", lines);
        Assert.Contains("read.2025.books\t1", lines);
        Assert.Contains("read.2025-03.pages\t400", lines);
        Assert.Contains("top_author.Jane Austen\t1", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("sales.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_Terminal_DrawsSections()
    {
        var target = await fixture.NewDatabaseAsync();
        var shelf = new CliRunner(CliDatabase.DbArgument(target)) { Terminal = true };
        await shelf.RunAsync("add", "[Untitled]", "--author", "Jane Austen", "--pages", "400");

        var result = await shelf.RunAsync("stats");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Average rating", result.Out, StringComparison.Ordinal);
        Assert.Contains("No book has a date read", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("twenty")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999999")]
    public async Task Stats_BadYear_ExitsWith2OnOneLine(string year)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("stats", "--year", year);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("is not a year", result.Error, StringComparison.Ordinal);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : StatsCommandTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : StatsCommandTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : StatsCommandTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
