using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// Every listing pages the same way: 100 rows unless told otherwise, <c>--limit</c>,
/// <c>--offset</c>, <c>--all</c>, and one line on standard error when piped or JSON output was
/// cut, so a script knows it did not get everything.
/// </summary>
public sealed class ListingLimitsTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    private const int Rows = 101;

    public static TheoryData<string[], string> Listings => new()
    {
        { ["list"], "books" },
        { ["authors"], "authors" },
        { ["shelves"], "shelves" },
        { ["sale", "list"], "rows" },
    };

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task Piped_MoreThanTheDefault_Shows100AndSaysSoOnStandardError(string[] listing, string noun)
    {
        var shelf = await LibraryAsync();

        var result = await shelf.RunAsync(listing);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1 + 100, result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal($"showing 100 of {Rows} {noun}; use --limit, --offset or --all", result.Error.TrimEnd());
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task Json_Cut_TheArrayHoldsThePageAndStandardErrorSaysHowManyInAll(string[] listing, string noun)
    {
        var shelf = await LibraryAsync();

        var result = await shelf.RunAsync([.. listing, "--json", "--limit", "3", "--offset", "2"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, JsonDocument.Parse(result.Out).RootElement.GetArrayLength());
        Assert.Equal($"showing 3 of {Rows} {noun}; use --limit, --offset or --all", result.Error.TrimEnd());
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task All_EveryRowAndNothingOnStandardError(string[] listing, string noun)
    {
        _ = noun;
        var shelf = await LibraryAsync();

        var result = await shelf.RunAsync([.. listing, "--json", "--all"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Rows, JsonDocument.Parse(result.Out).RootElement.GetArrayLength());
        Assert.Equal(string.Empty, result.Error);
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task LastPage_NotCut_NothingOnStandardError(string[] listing, string noun)
    {
        _ = noun;
        var shelf = await LibraryAsync();

        var result = await shelf.RunAsync([.. listing, "--json", "--offset", "100"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(result.Out).RootElement.GetArrayLength());
        Assert.Equal(string.Empty, result.Error);
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task Table_Cut_SaysHowManyOfHowManyUnderIt(string[] listing, string noun)
    {
        var shelf = new CliRunner((await LibraryAsync()).Database) { Terminal = true };

        var result = await shelf.RunAsync([.. listing, "--limit", "5"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"5 of {Rows} {noun}; see more with --limit, --offset or --all", result.Error, StringComparison.Ordinal);
    }

    // 101 books, each by its own author on its own shelf, each sold once.
    private async Task<CliRunner> LibraryAsync()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        using var folder = new SqliteTestFile();
        var books = Path.Combine(folder.DirectoryPath, "books.csv");
        var sales = Path.Combine(folder.DirectoryPath, "sales.csv");
        await File.WriteAllLinesAsync(books, ["Name;Writer;Shelf", .. Enumerable.Range(1, Rows).Select(i => $"Book {i};Writer Number{i};shelf-{i}")]);
        await File.WriteAllLinesAsync(sales, ["book,quantity,unit_price", .. Enumerable.Range(1, Rows).Select(i => $"{i},1,9.99")]);
        Assert.Equal(0, (await shelf.RunAsync("import", books, "--map", "Name=title", "--map", "Writer=author", "--map", "Shelf=shelves")).ExitCode);
        var sold = await shelf.RunAsync("sale", "import", sales);
        Assert.True(sold.ExitCode == 0, sold.Error);
        return shelf;
    }
}
