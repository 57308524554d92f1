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
    public async Task Quiet_ImportOnATerminal_NoProgressButRejectsStillReported()
    {
        var runner = await CliDatabase.NewRunnerAsync(fixture);
        var shelf = new CliRunner(runner.Database) { ErrorTerminal = true };
        using var folder = new SqliteTestFile();
        var file = Path.Combine(folder.DirectoryPath, "progress-label.csv");
        await File.WriteAllTextAsync(file, "Name;Writer\nGood Book;Ann Author\n;No Title\n");

        var loud = await shelf.RunAsync("import", file, "--map", "Name=title", "--map", "Writer=author", "--dry-run");
        var quiet = await shelf.RunAsync("import", file, "--map", "Name=title", "--map", "Writer=author", "--dry-run", "--quiet");

        Assert.Contains("progress-label.csv", loud.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("progress-label.csv", quiet.Error, StringComparison.Ordinal);
        Assert.Contains("rejected:", quiet.Error, StringComparison.Ordinal);
        Assert.Equal(loud.ExitCode, quiet.ExitCode);
    }
}
