using System.Text;
using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// The catalog commands on MariaDB through the CLI (the other shared CLI classes with a MySql
/// subclass cover authors and stats); search and the catalog import, which MySQL does not have
/// yet, refuse in one line, exit 1 and change nothing.
/// </summary>
public sealed class MySqlCommandsTests(MySqlDatabaseFixture fixture) : IClassFixture<MySqlDatabaseFixture>
{
    [Fact]
    public async Task AddEditShowListRemove_OneBook_EachStepSeenByTheNext()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var added = await shelf.RunAsync("add", "Cien años de soledad", "--author", "Gabriel García Márquez", "--author", "Gregory Rabassa (translator)", "--pages", "417");
        var edited = await shelf.RunAsync("edit", "1", "--year", "1967");
        var shown = await shelf.RunAsync("show", "1", "--json");
        var listed = await shelf.RunAsync("list", "--author", "garcia", "--json");
        var removed = await shelf.RunAsync("remove", "1", "--yes");
        var after = await shelf.RunAsync("list", "--json");

        Assert.Equal([0, 0, 0, 0, 0], new[] { added.ExitCode, edited.ExitCode, shown.ExitCode, listed.ExitCode, removed.ExitCode });
        var book = JsonDocument.Parse(shown.Out).RootElement;
        Assert.Equal("Cien años de soledad", book.GetProperty("title").GetString());
        Assert.Equal(1967, book.GetProperty("year").GetInt32());
        Assert.Equal(417, book.GetProperty("pages").GetInt32());
        Assert.Equal("Cien años de soledad", JsonDocument.Parse(listed.Out).RootElement[0].GetProperty("title").GetString());
        Assert.Equal(0, JsonDocument.Parse(after.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Import_NotYetOnMySql_OneLineExit1AndNothingChanged()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Dune", "--author", "Frank Herbert");
        var before = await CliDatabase.SnapshotAsync(shelf);
        var csv = TempFiles.NewPath("mysql-import");
        await File.WriteAllTextAsync(csv, "Title,Author\nEmma,Jane Austen\n", Encoding.UTF8);

        var import = await shelf.RunAsync("import", csv);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("not supported yet", import.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [Fact]
    public async Task Search_OnMySql_FindsBooksByAccentlessWordsFieldsAndPhrases_AndAfterARename()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Cien años de soledad", "--author", "Gabriel García Márquez", "--year", "1967");
        await shelf.RunAsync("add", "Dune", "--author", "Frank Herbert", "--year", "1965");

        var accentless = await shelf.RunAsync("search", "anos", "--json");
        var field = await shelf.RunAsync("search", "author:herbert year:<1966", "--json");
        var phrase = await shelf.RunAsync("search", "\"de soledad\"", "--json");
        var malformed = await shelf.RunAsync("search", "year:abc");
        await shelf.RunAsync("author", "rename", "2", "Franklin Herbert");
        var renamed = await shelf.RunAsync("search", "franklin", "--json");

        Assert.Equal(["Cien años de soledad"], Titles(accentless.Out));
        Assert.Equal(["Dune"], Titles(field.Out));
        Assert.Equal(["Cien años de soledad"], Titles(phrase.Out));
        Assert.Equal(2, malformed.ExitCode);
        Assert.Equal(["Dune"], Titles(renamed.Out));
    }

    private static string[] Titles(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(b => b.GetProperty("title").GetString()!)];
}
