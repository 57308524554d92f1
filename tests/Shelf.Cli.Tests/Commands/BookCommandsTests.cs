using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>add, list, show, search, edit and remove through the real command tree, on both databases.</summary>
public abstract class BookCommandsTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Add_ThenListJson_ReturnsTheBookWithStableFields()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var added = await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien", "--pages", "310", "--isbn", "0-261-10221-4", "--year", "1937", "--publisher", "Allen & Unwin");
        var listed = await shelf.RunAsync("list", "--json");

        Assert.Equal(0, added.ExitCode);
        Assert.StartsWith("Added book 1: The Hobbit by J.R.R. Tolkien", added.Out, StringComparison.Ordinal);
        var book = JsonDocument.Parse(listed.Out).RootElement.EnumerateArray().Single();
        Assert.Equal(1, book.GetProperty("id").GetInt32());
        Assert.Equal("The Hobbit", book.GetProperty("title").GetString());
        Assert.Equal(["J.R.R. Tolkien"], book.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(310, book.GetProperty("pages").GetInt32());
        Assert.Equal("9780261102217", book.GetProperty("isbn13").GetString());
        Assert.Equal(1937, book.GetProperty("year").GetInt32());
        Assert.Equal("Allen & Unwin", book.GetProperty("publisher").GetString());
    }

    [Fact]
    public async Task Add_DuplicateIsbn_ExitsWith4NamingTheExistingBookAndChangesNothing()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien", "--isbn", "9780261102217");
        var before = await CliDatabase.SnapshotAsync(shelf);

        var result = await shelf.RunAsync("add", "Something Else", "--author", "Other Person", "--isbn", "0261102214", "--allow-duplicate");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("book 1", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [Fact]
    public async Task Add_SameTitleAndFirstAuthor_ExitsWith4UnlessAllowDuplicate()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien");

        var refused = await shelf.RunAsync("add", "The Hobbit", "--author", "J. R. R. Tolkien");
        var allowed = await shelf.RunAsync("add", "The Hobbit", "--author", "J. R. R. Tolkien", "--allow-duplicate");

        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("--allow-duplicate", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, allowed.ExitCode);
    }

    [Theory]
    [InlineData("--isbn", "9780261102218", "check digit")]
    [InlineData("--isbn", "12345", "10 or 13 digits")]
    [InlineData("--pages", "0", "greater than 0")]
    [InlineData("--pages", "-12", "greater than 0")]
    [InlineData("--pages", "many", "whole number")]
    [InlineData("--year", "next year", "whole number")]
    public async Task Add_BadValue_ExitsWith2WithOneLineAndChangesNothing(string option, string value, string expected)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Kept", "--author", "Someone");
        var before = await CliDatabase.SnapshotAsync(shelf);

        var result = await shelf.RunAsync("add", "A Book", "--author", "Someone Else", option, value);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Add_EmptyTitle_ExitsWith2(string title)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("add", title, "--author", "Someone");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("title is empty", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("[]", (await shelf.RunAsync("list", "--json")).Out.Trim());
    }

    [Theory]
    [InlineData("show", "42")]
    [InlineData("remove", "42", "--yes")]
    [InlineData("show", "9780261102217")]
    public async Task UnknownBook_ExitsWith3(string command, string reference, params string[] more)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync([command, reference, .. more]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(reference, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_UnknownBook_ExitsWith3()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("edit", "7", "--title", "New");

        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task Show_ByIdAndByIsbn_PrintsTheSameBook()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien", "--isbn", "9780261102217");

        var byId = await shelf.RunAsync("show", "1", "--json");
        var byIsbn = await shelf.RunAsync("show", "0261102214", "--json");

        Assert.Equal(0, byId.ExitCode);
        Assert.Equal(byId.Out, byIsbn.Out);
        var book = JsonDocument.Parse(byId.Out).RootElement;
        Assert.Equal("0261102214", book.GetProperty("isbn10").GetString());
        Assert.Equal("author", book.GetProperty("credits")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Search_AccentsAndCase_FindTheSameBooksOnEveryDatabase()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Cien años de soledad", "--author", "Gabriel García Márquez");
        await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien");

        var byAuthor = await shelf.RunAsync("search", "GARCIA", "marquez", "--json");
        var byTitle = await shelf.RunAsync("search", "años", "--json");
        var none = await shelf.RunAsync("search", "zzz", "--json");

        Assert.Equal(["Cien años de soledad"], Titles(byAuthor.Out));
        Assert.Equal(["Cien años de soledad"], Titles(byTitle.Out));
        Assert.Empty(Titles(none.Out));
    }

    [Fact]
    public async Task Search_FieldsAndYears_JsonCarriesBothYears()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien", "--year", "1995");
        await shelf.RunAsync("add", "Dune", "--author", "Frank Herbert", "--year", "1965");

        var found = await shelf.RunAsync("search", "author:tolkien", "year:1990..2000", "--json");

        Assert.Equal(0, found.ExitCode);
        var book = JsonDocument.Parse(found.Out).RootElement[0];
        Assert.Equal("The Hobbit", book.GetProperty("title").GetString());
        Assert.Equal(1995, book.GetProperty("year").GetInt32());
        Assert.Equal(JsonValueKind.Null, book.GetProperty("originalPublicationYear").ValueKind);
    }

    [Theory]
    [InlineData("\"the hobbit", "error: at position 1: the quote opened here is never closed")]
    [InlineData("genre:fantasy", "error: at position 1: unknown field 'genre:'")]
    [InlineData("year:abc", "error: at position 6: expected a number after year:")]
    public async Task Search_MalformedQuery_OneLineNamingThePositionAndExit2(string query, string start)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("search", query);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(start, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Edit_AuthorsInNewOrderAndClearedField_AreSaved()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Good Omens", "--author", "Terry Pratchett", "--author", "Neil Gaiman", "--publisher", "Gollancz");

        var edited = await shelf.RunAsync("edit", "1", "--author", "Neil Gaiman", "--author", "Terry Pratchett", "--publisher", "");
        var shown = JsonDocument.Parse((await shelf.RunAsync("show", "1", "--json")).Out).RootElement;

        Assert.Equal(0, edited.ExitCode);
        Assert.Equal(["Neil Gaiman", "Terry Pratchett"], shown.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("publisher").ValueKind);
    }

    [Fact]
    public async Task Remove_ExistingBook_RemovesIt()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("add", "Gone", "--author", "Someone");

        var removed = await shelf.RunAsync("remove", "1", "--yes");

        Assert.Equal(0, removed.ExitCode);
        Assert.Equal("[]", (await shelf.RunAsync("list", "--json")).Out.Trim());
    }

    [Fact]
    public async Task Import_SampleCatalog_ThenListShowsEveryBook()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        var sample = Path.Combine(RepositoryPaths.Root, "data", "library_data.csv");
        var rows = File.ReadLines(sample).Count() - 1;

        var imported = await shelf.RunAsync("import", sample);
        var again = await shelf.RunAsync("import", sample);
        var listed = await shelf.RunAsync("list", "--all", "--json");

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains($"{rows} added", imported.Out, StringComparison.Ordinal);
        Assert.Contains($"Nothing to change: all {rows} rows", again.Out, StringComparison.Ordinal);
        Assert.Equal(rows, JsonDocument.Parse(listed.Out).RootElement.GetArrayLength());
    }

    private static List<string?> Titles(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(b => b.GetProperty("title").GetString())];

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : BookCommandsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : BookCommandsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : BookCommandsTests(fixture), IClassFixture<MySqlDatabaseFixture>;

}
