using System.Text;
using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// The catalog commands on MariaDB through the CLI (the other shared CLI classes with a MySql
/// subclass cover authors, stats and the catalog import and export); search, which MySQL does not
/// have yet, refuses in one line, exits 1 and changes nothing.
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

    [Fact]
    public async Task ImportExportReimport_SmallCsv_SameBooksAndTheSameExportBack()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        var csv = TempFiles.NewPath("mysql-import");
        await File.WriteAllTextAsync(
            csv,
            "Book Id,Title,Author,ISBN13,My Rating,Bookshelves,Exclusive Shelf,Date Read\n"
            + "1,Cien años de soledad,Gabriel García Márquez,=\"9780060883287\",5,\"to-read, favourites\",read,2019/03/04\n"
            + "2,Сто лет одиночества,Габриэль Гарсиа Маркес,,4,,read,\n"
            + "3,Emma,Jane Austen,=\"9780141439587\",3,classics,to-read,\n",
            new UTF8Encoding(false));
        var exported = TempFiles.NewPath("mysql-export");
        var reexported = TempFiles.NewPath("mysql-reexport");

        var imported = await shelf.RunAsync("import", csv);
        var export = await shelf.RunAsync("export", "-o", exported);
        var other = await CliDatabase.NewRunnerAsync(fixture);
        var reimported = await other.RunAsync("import", exported);
        var again = await other.RunAsync("import", exported);
        var reexport = await other.RunAsync("export", "-o", reexported);

        Assert.Equal([0, 0, 0, 0, 0], new[] { imported.ExitCode, export.ExitCode, reimported.ExitCode, again.ExitCode, reexport.ExitCode });
        Assert.Contains("3 added", imported.Out, StringComparison.Ordinal);
        Assert.Contains("3 added", reimported.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing to change: all 3 rows", again.Out + again.Error, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(exported), await File.ReadAllTextAsync(reexported));
        Assert.Equal(await CliDatabase.SnapshotAsync(shelf), await CliDatabase.SnapshotAsync(other));
        var books = JsonDocument.Parse((await other.RunAsync("list", "--all", "--json", "--sort", "id")).Out).RootElement;
        Assert.Equal("Сто лет одиночества", books[1].GetProperty("title").GetString());
    }
}
