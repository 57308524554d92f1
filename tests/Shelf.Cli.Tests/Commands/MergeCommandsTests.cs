using System.Text.Json;
using System.Text.RegularExpressions;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary><c>shelf duplicates</c>, <c>merge</c>, <c>merges</c> and <c>merge --undo</c> through the real command tree, on both databases.</summary>
public abstract partial class MergeCommandsTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task DuplicatesMergeMergesUndo_TwoHobbits_EachCommandSeesTheLast()
    {
        var shelf = await NewShelfWithTwoHobbitsAsync();
        var before = await LibraryAsync(shelf);

        var found = await shelf.RunAsync("duplicates", "--json");
        var text = await shelf.RunAsync("duplicates");
        var merged = await shelf.RunAsync("merge", "1", "2", "--take", "pages=2", "--yes");
        var shown = await shelf.RunAsync("show", "1", "--json");
        var gone = await shelf.RunAsync("show", "2");
        var merges = await shelf.RunAsync("merges", "--json");
        var undone = await shelf.RunAsync("merge", "--undo", "1", "--yes");
        var listedAfter = await shelf.RunAsync("merges");

        var group = Assert.Single(JsonDocument.Parse(found.Out).RootElement.GetProperty("groups").EnumerateArray());
        Assert.Equal("same-title", group.GetProperty("kind").GetString());
        Assert.Equal([1, 2], group.GetProperty("books").EnumerateArray().Select(b => b.GetProperty("id").GetInt32()));
        Assert.Contains("  book 2: The Hobbit by J.R.R. Tolkien\n  differs: Pages: 310 | 320\n", text.Out, StringComparison.Ordinal);
        Assert.True(merged.ExitCode == 0, merged.Error);
        Assert.StartsWith("Merged book(s) 2 into book 1 (The Hobbit): 0 credit(s), 1 shelf/shelves added, 0 id(s), 0 loan(s), 0 sale(s) moved; took publisher, pages. Merge 1: 'shelf merge --undo 1' undoes it", merged.Out, StringComparison.Ordinal);
        var book = JsonDocument.Parse(shown.Out).RootElement;
        Assert.Equal((320, "Allen & Unwin"), (book.GetProperty("pages").GetInt32(), book.GetProperty("publisher").GetString()));
        Assert.Equal(3, gone.ExitCode);
        Assert.Equal(2, Assert.Single(JsonDocument.Parse(merges.Out).RootElement.EnumerateArray()).GetProperty("removedIds")[0].GetInt32());
        Assert.True(undone.ExitCode == 0, undone.Error);
        Assert.Equal("Undid merge 1: book(s) 2 restored from 1", undone.Out.Trim());
        Assert.Equal(before, await LibraryAsync(shelf));
        Assert.Matches(@"^1\tbook\t1\tThe Hobbit\t2\tThe Hobbit\t[0-9: -]+\t[0-9: -]+$", listedAfter.Out.Split('\n')[1]);
    }

    [Theory]
    [InlineData(2, "at least one book to merge into it, not '1' alone; usage: shelf merge KEEP OTHER...", "merge", "1", "--yes")]
    [InlineData(2, "'1' is the book to keep (id 1)", "merge", "1", "1", "--yes")]
    [InlineData(3, "no book with id or ISBN '99'", "merge", "1", "99", "--yes")]
    [InlineData(2, "'colour' is not a field a merge can take; use one of title, subtitle, isbn13, publisher,", "merge", "1", "2", "--take", "colour=2", "--yes")]
    [InlineData(2, "'3' is not one of the books merged; take pages from one of 1, 2", "merge", "1", "2", "--take", "pages=3", "--yes")]
    [InlineData(2, "merging 2 into 1 needs confirmation: run it on a terminal to be asked, or add --yes", "merge", "1", "2")]
    [InlineData(2, "give books to merge or --undo ID, not both", "merge", "1", "2", "--undo", "1", "--yes")]
    [InlineData(3, "no merge with id 9; 'shelf merges' lists them", "merge", "--undo", "9", "--yes")]
    [InlineData(2, "the number of groups must be 1 or more, not 0", "duplicates", "--limit", "0")]
    public async Task Merge_BadInput_OneLineDocumentedExitCodeNothingChanged(int exitCode, string expected, params string[] args)
    {
        var shelf = await NewShelfWithTwoHobbitsAsync();
        var before = await LibraryAsync(shelf);

        var result = await shelf.RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(before, await LibraryAsync(shelf));
        Assert.Equal("[]", (await shelf.RunAsync("merges", "--json")).Out.Trim());
    }

    [Fact]
    public async Task MergeUndo_AfterAnEditOfTheKeptBook_Exit4NamingWhatChanged()
    {
        var shelf = await NewShelfWithTwoHobbitsAsync();
        Assert.Equal(0, (await shelf.RunAsync("merge", "1", "2", "--yes")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("edit", "1", "--publisher", "HarperCollins")).ExitCode);
        var before = await LibraryAsync(shelf);

        var refused = await shelf.RunAsync("merge", "--undo", "1", "--yes");

        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("merge 1 cannot be undone: book 1 changed (publisher, updated_at) since it was made", Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await LibraryAsync(shelf));
    }

    [Fact]
    public async Task Merge_OnATerminal_AsksAndANoMergesNothing()
    {
        var target = await fixture.NewDatabaseAsync();
        var setup = new CliRunner(CliDatabase.DbArgument(target));
        await AddHobbitsAsync(setup);
        var before = await LibraryAsync(setup);

        var declined = await new CliRunner(setup.Database) { Terminal = true, Input = "n\n" }.RunAsync("merge", "1", "2");
        var afterNo = await LibraryAsync(setup);
        var accepted = await new CliRunner(setup.Database) { Terminal = true, Input = "y\n" }.RunAsync("merge", "1", "2");

        Assert.Equal(0, declined.ExitCode);
        Assert.Contains("Merge book(s) 2 (The Hobbit) into book 1 (The Hobbit by J.R.R. Tolkien) and remove them? [y/N]", declined.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", declined.Error, StringComparison.Ordinal);
        Assert.Equal(before, afterNo);
        Assert.True(accepted.ExitCode == 0, accepted.Error);
        Assert.Equal(3, (await setup.RunAsync("show", "2")).ExitCode);
    }

    [Fact]
    public async Task AuthorMergeThenUndo_TheAuthorComesBackWithTheSameId()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        Assert.Equal(0, (await shelf.RunAsync("add", "Emma", "--author", "J. Austen")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("add", "Persuasion", "--author", "Jane Austen")).ExitCode);
        var before = await LibraryAsync(shelf);

        var merged = await shelf.RunAsync("author", "merge", "J. Austen", "Jane Austen", "--yes");
        var listed = await shelf.RunAsync("merges", "--json");
        var undone = await shelf.RunAsync("merge", "--undo", "1", "--yes");

        Assert.EndsWith("Merge 1: 'shelf merge --undo 1' undoes it", merged.Out.Trim(), StringComparison.Ordinal);
        Assert.Equal("author", Assert.Single(JsonDocument.Parse(listed.Out).RootElement.EnumerateArray()).GetProperty("kind").GetString());
        Assert.True(undone.ExitCode == 0, undone.Error);
        Assert.Equal("Undid merge 1: author(s) 1 restored from 2", undone.Out.Trim());
        Assert.Equal(before, await LibraryAsync(shelf));
    }

    private async Task<CliRunner> NewShelfWithTwoHobbitsAsync()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await AddHobbitsAsync(shelf);
        return shelf;
    }

    private static async Task AddHobbitsAsync(CliRunner shelf)
    {
        Assert.Equal(0, (await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien", "--pages", "310")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien", "--pages", "320", "--publisher", "Allen & Unwin", "--allow-duplicate")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("edit", "2", "--shelf", "favourites")).ExitCode);
    }

    /// <summary>What a user sees of the books and authors, without the update stamps a merge and its undo move on.</summary>
    private static async Task<string> LibraryAsync(CliRunner shelf) =>
        UpdatedAt().Replace(await CliDatabase.SnapshotAsync(shelf), string.Empty);

    [GeneratedRegex("\"updatedAt\": \"[^\"]*\",?")]
    private static partial Regex UpdatedAt();

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : MergeCommandsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : MergeCommandsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : MergeCommandsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
