using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>Questions on a terminal: each answer checked as it is typed, Ctrl+C at once, and --no-input for scripts.</summary>
public sealed class PromptTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task Add_BadAnswers_AreRefusedAtOnceAndAskedAgain()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture, terminal: true, input: "\nThe Hobbit\nabc\n0\n310\n\nJ.R.R. Tolkien\n");

        var result = await shelf.RunAsync("add");
        var listed = await new CliRunner(shelf.Database).RunAsync("list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Error.Split("Title: ").Length - 1);
        Assert.Equal(3, result.Error.Split("Number of pages (empty if unknown): ").Length - 1);
        Assert.Equal(2, result.Error.Split("Author (First Last): ").Length - 1);
        Assert.Contains("abc", result.Error, StringComparison.Ordinal);
        Assert.Contains("; try again", result.Error, StringComparison.Ordinal);
        Assert.Contains("1\tThe Hobbit\tJ.R.R. Tolkien\t\t310\t", listed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_InputEndsBeforeTheLastAnswer_ExitsWith2AndAddsNothing()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture, terminal: true, input: "The Hobbit\n310\n");

        var result = await shelf.RunAsync("add");
        var listed = await new CliRunner(shelf.Database).RunAsync("list", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("[]", listed.Out.Trim());
    }

    [Fact]
    public async Task Add_NoInputOnATerminal_FailsWith2InsteadOfAsking()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture, terminal: true, input: "The Hobbit\n310\nJ.R.R. Tolkien\n");

        var result = await shelf.RunAsync("--no-input", "add");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("Title: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("no title given", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaleDelete_NoInputOnATerminal_NeedsYes()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture, terminal: true, input: "y\n");
        await shelf.RunAsync("add", "Dune", "--author", "Frank Herbert", "--price", "9.99");
        Assert.Equal(0, (await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "1", "--order-number", "A-1")).ExitCode);

        var refused = await shelf.RunAsync("sale", "delete", "A-1", "--no-input");
        var shown = await shelf.RunAsync("sale", "show", "A-1");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--yes", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, shown.ExitCode);
    }

    [Fact]
    public async Task Add_CtrlCWhileWaitingForAnAnswer_StopsAtOnceWith130()
    {
        var target = await fixture.NewDatabaseAsync();
        using var input = new NeverAnswers();
        var shelf = new CliRunner(target.FilePath!) { Terminal = true, InputReader = input };
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var result = await shelf.RunRawAsync(["--db", target.FilePath!, "add"], ctrlC.Token);
        var listed = await new CliRunner(target.FilePath!).RunAsync("list", "--json");

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("cancelled; nothing was changed", result.Error, StringComparison.Ordinal);
        Assert.Equal("[]", listed.Out.Trim());
    }

    [Theory]
    [InlineData("n\n", 1)]
    [InlineData("\n", 1)]
    [InlineData("yes\n", 0)]
    public async Task Remove_OnATerminal_AsksNamingTheBookFirst(string answer, int left)
    {
        var target = await fixture.NewDatabaseAsync();
        var setup = new CliRunner(target.FilePath!);
        await setup.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien");
        var terminal = new CliRunner(target.FilePath!) { Terminal = true, Input = answer };

        var result = await terminal.RunAsync("remove", "1");
        var listed = await setup.RunAsync("list", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Remove book 1: The Hobbit by J.R.R. Tolkien? [y/N]: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(left, System.Text.Json.JsonDocument.Parse(listed.Out).RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("remove", "1")]
    [InlineData("author", "merge", "1", "2")]
    public async Task Destructive_OffATerminalWithoutYes_ExitsWith2AndChangesNothing(params string[] args)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "A Wizard of Earthsea", "--author", "Ursula Le Guin");
        await shelf.RunAsync("add", "The Dispossessed", "--author", "Ursula K. Le Guin");
        var before = await CliDatabase.SnapshotAsync(shelf);

        var result = await shelf.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("needs confirmation: run it on a terminal to be asked, or add --yes", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [Fact]
    public async Task AuthorMerge_OnATerminal_AsksNamingBothAuthors()
    {
        var target = await fixture.NewDatabaseAsync();
        var setup = new CliRunner(target.FilePath!);
        await setup.RunAsync("add", "A Wizard of Earthsea", "--author", "Ursula Le Guin");
        await setup.RunAsync("add", "The Dispossessed", "--author", "Ursula K. Le Guin");
        var terminal = new CliRunner(target.FilePath!) { Terminal = true, Input = "y\n" };

        var result = await terminal.RunAsync("author", "merge", "1", "2");
        var authors = await setup.RunAsync("authors", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Merge Ursula Le Guin (id 1, 1 book(s)) into Ursula K. Le Guin (id 2)? [y/N]: ", result.Error, StringComparison.Ordinal);
        Assert.Single(System.Text.Json.JsonDocument.Parse(authors.Out).RootElement.EnumerateArray());
    }

    /// <summary>A terminal where nobody types: ReadLine waits until the test ends.</summary>
    private sealed class NeverAnswers : TextReader
    {
        private readonly ManualResetEventSlim _end = new();

        public override string? ReadLine()
        {
            _end.Wait(TimeSpan.FromMinutes(1));
            return null;
        }

        protected override void Dispose(bool disposing)
        {
            _end.Set();
            if (disposing)
            {
                _end.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
