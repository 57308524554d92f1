using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>db backup and db restore through the real command tree, on both databases.</summary>
public abstract class DbBackupCommandsTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task BackupThenRestore_IntoANewLibrary_SameBooksAuthorsAndSales()
    {
        var source = await FilledRunnerAsync();
        var file = TempFiles.NewPath("cli-backup", ".shelf-backup");

        var backup = await source.RunAsync("db", "backup", file);
        var copy = await CliDatabase.NewRunnerAsync(fixture);
        var restore = await copy.RunAsync("db", "restore", file);

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.StartsWith("Backed up 2 books", backup.Out, StringComparison.Ordinal);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.StartsWith("Restored 2 books", restore.Out, StringComparison.Ordinal);
        Assert.Contains("every count and checksum verified", restore.Out, StringComparison.Ordinal);
        Assert.Equal(await CliDatabase.SnapshotAsync(source), await CliDatabase.SnapshotAsync(copy));
        Assert.Equal((await source.RunAsync("sale", "list", "--json")).Out, (await copy.RunAsync("sale", "list", "--json")).Out);
    }

    [Fact]
    public async Task Backup_Json_NamesTheFileAndTheTables()
    {
        var source = await FilledRunnerAsync();
        var file = TempFiles.NewPath("cli-backup", ".shelf-backup");

        var backup = await source.RunAsync("db", "backup", file, "--json");

        var summary = JsonDocument.Parse(backup.Out).RootElement;
        Assert.Equal(file, summary.GetProperty("path").GetString());
        var books = summary.GetProperty("manifest").GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "books");
        Assert.Equal(2, books.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Restore_IntoALibraryWithBooks_ExitsWith4SuggestingReplaceAndChangesNothing()
    {
        var file = await BackupOfFilledLibraryAsync();
        var other = await CliDatabase.NewRunnerAsync(fixture);
        await other.RunAsync("add", "Already Here", "--author", "Some One");
        var before = await CliDatabase.SnapshotAsync(other);

        var result = await other.RunAsync("db", "restore", file);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("--replace", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(other));
    }

    [Fact]
    public async Task RestoreReplace_OffATerminalWithoutYes_ExitsWith2AndChangesNothing()
    {
        var file = await BackupOfFilledLibraryAsync();
        var other = await CliDatabase.NewRunnerAsync(fixture);
        await other.RunAsync("add", "Already Here", "--author", "Some One");
        var before = await CliDatabase.SnapshotAsync(other);

        var result = await other.RunAsync("db", "restore", file, "--replace");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--yes", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(other));
    }

    [Theory]
    [InlineData("n\n", false)]
    [InlineData("", false)]
    [InlineData("y\n", true)]
    public async Task RestoreReplace_OnATerminal_AsksFirst(string answer, bool replaced)
    {
        var file = await BackupOfFilledLibraryAsync();
        var target = await fixture.NewDatabaseAsync();
        var other = new CliRunner(CliDatabase.DbArgument(target)) { Terminal = true, Input = answer };
        await other.RunAsync("add", "Already Here", "--author", "Some One");

        var result = await other.RunAsync("db", "restore", file, "--replace");
        var titles = (await new CliRunner(other.Database).RunAsync("list")).Out;

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Replace everything in it with the 2 books of the backup", result.Error, StringComparison.Ordinal);
        Assert.Equal(!replaced, titles.Contains("Already Here", StringComparison.Ordinal));
        Assert.Equal(replaced, titles.Contains("Good Omens", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestoreReplaceYes_ReplacesWithoutAsking()
    {
        var file = await BackupOfFilledLibraryAsync();
        var other = await CliDatabase.NewRunnerAsync(fixture);
        await other.RunAsync("add", "Already Here", "--author", "Some One");

        var result = await other.RunAsync("db", "restore", file, "--replace", "--yes");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain("Already Here", (await other.RunAsync("list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_TruncatedBackup_ExitsWith2OnOneLineAndWritesNothing()
    {
        var file = await BackupOfFilledLibraryAsync();
        var bytes = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 2)]);
        var other = await CliDatabase.NewRunnerAsync(fixture);

        var result = await other.RunAsync("db", "restore", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("truncated or damaged", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal("[]", (await other.RunAsync("list", "--json")).Out.Trim());
    }

    [Theory]
    [InlineData("missing", 3, "there is no backup file")]
    [InlineData("csv", 2, "is not a Shelf backup")]
    [InlineData("empty", 2, "is not a Shelf backup")]
    public async Task Restore_NoBackupThere_OneLineAndTheDocumentedCode(string what, int exitCode, string message)
    {
        var file = TempFiles.NewPath("cli-not-backup");
        if (what == "csv")
        {
            await File.WriteAllTextAsync(file, "title\nEmma\n");
        }
        else if (what == "empty")
        {
            await File.WriteAllBytesAsync(file, []);
        }

        var other = await CliDatabase.NewRunnerAsync(fixture);

        var result = await other.RunAsync("db", "restore", file);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_IntoAMissingFolder_ExitsWith2()
    {
        var source = await FilledRunnerAsync();

        var result = await source.RunAsync("db", "backup", Path.Combine(TempFiles.NewPath("no-such-folder", string.Empty), "b.shelf-backup"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private async Task<CliRunner> FilledRunnerAsync()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        Assert.Equal(0, (await shelf.RunAsync("add", "Good Omens", "--author", "Terry Pratchett", "--author", "Neil Gaiman", "--price", "8.99")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("edit", "1", "--shelf", "funny")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("add", "Emma", "--author", "Jane Austen")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "2")).ExitCode);
        return shelf;
    }

    private async Task<string> BackupOfFilledLibraryAsync()
    {
        var source = await FilledRunnerAsync();
        var file = TempFiles.NewPath("cli-backup", ".shelf-backup");
        Assert.Equal(0, (await source.RunAsync("db", "backup", file)).ExitCode);
        return file;
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : DbBackupCommandsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : DbBackupCommandsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : DbBackupCommandsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
