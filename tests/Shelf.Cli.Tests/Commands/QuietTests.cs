using Shelf.Cli.Infrastructure;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary><c>--quiet</c>: results and problems only; no progress, counts or confirmations.</summary>
public sealed class QuietTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task Quiet_Add_NoConfirmationYetTheBookIsAdded()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var added = await shelf.RunAsync("add", "Quiet Book", "--author", "Sam Still", "--quiet");
        var listed = await shelf.RunAsync("list");

        Assert.Equal(0, added.ExitCode);
        Assert.Equal(string.Empty, added.Out);
        Assert.Equal(string.Empty, added.Error);
        Assert.Contains("Quiet Book", listed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_JsonResult_StillWritten()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var added = await shelf.RunAsync("add", "Quiet Book", "--author", "Sam Still", "--quiet", "--json");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("\"title\": \"Quiet Book\"", added.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_CutListing_NoLineOnStandardError()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        Assert.Equal(0, (await shelf.RunAsync("add", "One", "--author", "Sam Still")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("add", "Two", "--author", "Sam Still")).ExitCode);

        var loud = await shelf.RunAsync("list", "--limit", "1");
        var quiet = await shelf.RunAsync("list", "--limit", "1", "--quiet");

        Assert.NotEqual(string.Empty, loud.Error);
        Assert.Equal(string.Empty, quiet.Error);
        Assert.Equal(loud.Out, quiet.Out);
    }

    [Fact]
    public async Task Quiet_Import_RejectedRowsStillReported()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        using var folder = new SqliteTestFile();
        var file = Path.Combine(folder.DirectoryPath, "books.csv");
        await File.WriteAllTextAsync(file, "Name;Writer\nGood Book;Ann Author\n;No Title\n");

        var loud = await shelf.RunAsync("import", file, "--map", "Name=title", "--map", "Writer=author", "--dry-run");
        var quiet = await shelf.RunAsync("import", file, "--map", "Name=title", "--map", "Writer=author", "--dry-run", "--quiet");

        Assert.Contains("rejected:", quiet.Error, StringComparison.Ordinal);
        Assert.Equal(loud.Error, quiet.Error);
        Assert.Equal(loud.ExitCode, quiet.ExitCode);
    }

    // Whether the bar is drawn is decided before the import starts: a bar given a reporter draws
    // as the rows come, one given none never draws. Asserting on the drawn text would race a tiny
    // import that ends before the bar's first refresh.
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task ProgressBar_StandardErrorATerminal_ReportsUnlessQuiet(bool quiet, bool reported)
    {
        using var error = new StringWriter();
        var console = new CliConsole { Out = TextWriter.Null, Error = error, In = TextReader.Null, ErrorIsTerminal = true, Environment = _ => null };
        var globals = new GlobalOptions();
        var root = new System.CommandLine.RootCommand();
        globals.AddTo(root);
        var context = new CliContext(root.Parse(quiet ? ["--quiet"] : []), console, globals);
        IProgress<Shelf.Core.Features.Importing.ImportProgress>? given = null;

        await ImportProgressBar.RunAsync(context, "books.csv", progress =>
        {
            given = progress;
            return Task.FromResult(0);
        });

        Assert.Equal(reported, given is not null);
    }
}
