using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>How output looks on a terminal and on a pipe, prompts, and bad command lines.</summary>
public sealed class OutputTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task List_OnTerminal_ShowsBracketsInTitlesLiterally()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture, terminal: true);
        await shelf.RunAsync("add", "[Untitled] [bold]Notes[/]", "--author", "Anon [red]Y[/]");

        var result = await shelf.With("NO_COLOR", "1").RunAsync("list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[Untitled] [bold]Notes[/]", result.Out, StringComparison.Ordinal);
        Assert.Contains("Anon [red]Y[/]", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Out);
        Assert.Contains("1 of 1 books", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_TitleWithTerminalEscape_NeverReachesTheTerminal()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture, terminal: true);
        await shelf.RunAsync("add", "Evil \u001b]0;pwned\u0007\u001b[2J Title", "--author", "Some \u001b[31mOne");

        var shown = await shelf.RunAsync("show", "1");
        var listed = await shelf.RunAsync("list");

        Assert.Equal(0, shown.ExitCode);
        Assert.DoesNotContain("\u001b]0;", shown.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", shown.Out + listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[2J", listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[31mOne", listed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Piped_WritesTabSeparatedLinesWithAHeader()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Title\twith tab\nand newline", "--author", "Someone", "--pages", "12");

        var result = await shelf.RunAsync("list");

        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["id\ttitle\tauthors\tyear\tpages\tisbn13", "1\tTitle with tab and newline\tSomeone\t\t12\t"], lines);
    }

    [Fact]
    public async Task Add_WithoutArgumentsOnTerminal_AsksForTitlePagesAndAuthor()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture, terminal: true, input: "The Hobbit\n310\nJ.R.R. Tolkien\n");

        var result = await shelf.RunAsync("add");
        var listed = await new CliRunner(shelf.Database).RunAsync("list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Title: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("1\tThe Hobbit\tJ.R.R. Tolkien\t\t310\t", listed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithoutArgumentsOnAPipe_ExitsWith2InsteadOfWaiting()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("add");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("shelf add \"Title\"", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lisst")]
    [InlineData("list", "--sort", "colour")]
    [InlineData("list", "--limit", "many")]
    [InlineData("add", "A", "--no-such-option")]
    [InlineData("author", "merge", "only-one")]
    public async Task BadCommandLine_ExitsWith2WithOneLineAndHelpHint(params string[] args)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.EndsWith("--help'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var result = await new CliRunner("unused.db").RunRawAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "add", "list", "show", "search", "edit", "remove", "authors", "author", "import", "db" })
        {
            Assert.Contains($"  {command} ", result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ShelfDbVariable_ChoosesTheLibraryWhenNoOptionIsGiven()
    {
        var target = await fixture.NewDatabaseAsync();
        var shelf = new CliRunner("unused").With("SHELF_DB", target.FilePath);

        var added = await shelf.RunRawAsync("add", "Via Env", "--author", "Someone");
        var listed = await new CliRunner(target.FilePath!).RunAsync("list");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("Via Env", listed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsWith3()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("import", "/no/such/file.csv");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("/no/such/file.csv", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
