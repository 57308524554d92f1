using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// The core says what is wrong; the CLI adds, in one place, which flag or command fixes it. Each
/// test runs a real failure and checks the whole line a user reads.
/// </summary>
public sealed class ErrorHintsTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task Show_UnknownBook_NamesTheCommandsThatFindOne()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("show", "999");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("error: no book with id or ISBN '999'; find it with 'shelf search' or 'shelf list'", result.Error.TrimEnd());
    }

    [Fact]
    public async Task AuthorShow_NearName_SuggestsItThenTheListingCommand()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien");

        var result = await shelf.RunAsync("author", "show", "Tolk");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("error: no author 'Tolk'; did you mean J.R.R. Tolkien (id ", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("? Else list them with 'shelf authors'", result.Error.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "error: --limit must be a whole number, not 'abc'; see 'shelf list --help'")]
    [InlineData("99999999999", "error: --limit 99999999999 is too large; at most 2147483647; see 'shelf list --help'")]
    public async Task List_LimitNotAWholeNumber_SaysSoWithoutATypeName(string limit, string expected)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("list", "--limit", limit);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Error.TrimEnd());
    }

    [Fact]
    public async Task SaleList_BadStartDate_NamesTheDateWithoutAnInternalName()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("sale", "list", "--from", "2026-13-01");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: the start date '2026-13-01' is not a date; write it as 2026-01-31", result.Error.TrimEnd());
    }

    [Fact]
    public async Task AnyCommand_DatabaseInMissingFolder_SaysWhichOptionChoosesThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"shelf-no-such-folder-{Guid.NewGuid():N}");
        var shelf = new CliRunner(Path.Combine(missing, "library.db"));

        var result = await shelf.RunAsync("list");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: the folder {missing} does not exist; create it first or choose another path (--db)", result.Error.TrimEnd());
        Assert.False(Directory.Exists(missing));
    }
}
