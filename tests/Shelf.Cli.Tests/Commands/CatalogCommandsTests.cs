using System.Text;
using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary><c>shelf import</c> and <c>shelf export</c> as a user runs them: summaries, rejects, dry runs, formats, files.</summary>
public abstract class CatalogCommandsTests(DatabaseFixture fixture)
{
    private const string GoodreadsFile = "goodreads_export__BH-BH__goodreads_library_export.csv";

    private static string Goodreads => RealExports.PathOf(GoodreadsFile);

    [RealExportFact(GoodreadsFile)]
    public async Task Import_Goodreads_SummarySaysWhatHappened_SecondTimeSaysNothingChanged()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        var rows = File.ReadLines(Goodreads).Count() - 1;

        var first = await shelf.RunAsync("import", Goodreads);
        var second = await shelf.RunAsync("import", Goodreads);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"read {rows} rows of the goodreads file (utf-8, comma-separated): {rows} added, 0 updated, 0 unchanged, 0 rejected", first.Out, StringComparison.Ordinal);
        Assert.Contains($"Nothing to change: all {rows} rows", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadRows_ListedOnStderrWrittenToRejectsAndExitCode0()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        var input = Temp("title,number_of_pages,first_name,last_name\nGood,1,Ann,Writer\n,-1,Ann,Writer\n");
        var rejects = Temp(string.Empty);

        var result = await shelf.RunAsync("import", input, "--rejects", rejects);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("line 3: rejected: title", result.Error, StringComparison.Ordinal);
        Assert.Equal("title,number_of_pages,first_name,last_name\n,-1,Ann,Writer\n", await File.ReadAllTextAsync(rejects));
        Assert.Contains("1 added, 0 updated, 0 unchanged, 1 rejected", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadCell_IsAWarningNamingLineColumnAndValue_TheBookIsAdded()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("import", Temp("title,number_of_pages,first_name,last_name\nGood,1,Ann,Writer\nOdd,xxxviii; 103,Ann,Writer\n"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("line 3: warning: number_of_pages: 'xxxviii; 103'", result.Error, StringComparison.Ordinal);
        Assert.Contains("2 added, 0 updated, 0 unchanged, 0 rejected", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_LibraryThingLending_SummarySaysHowManyLoansWereRecorded()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        var file = Temp("Book ID\tTitle\tPrimary Author\tISBNs\tLending Patron\tLending Status\tLending Start\tLending End\n"
            + "1\tKindred\tButler, Octavia E.\t\tAnne Dupré\tLent\t2024-01-05\t\n"
            + "2\tBeloved\tMorrison, Toni\t\t\t\t\t\n");

        var result = await shelf.RunAsync("import", file);
        var again = await shelf.RunAsync("import", file);
        var loans = await shelf.RunAsync("loans");

        Assert.Equal((0, 0), (result.ExitCode, again.ExitCode));
        Assert.Contains("2 added, 0 updated, 0 unchanged, 0 rejected; 1 loan recorded", result.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing to change: all 2 rows", again.Out, StringComparison.Ordinal);
        Assert.Contains("Anne Dupré", loans.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_EveryRowRejected_ExitsWith2AndChangesNothing()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        var before = await CliDatabase.SnapshotAsync(shelf);

        var result = await shelf.RunAsync("import", Temp("title,number_of_pages,first_name,last_name\n,1,Ann,Writer\n,2,Bob,Writer\n"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("every one of the 2 rows was rejected", line, StringComparison.Ordinal);
        Assert.Contains("--rejects", line, StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [Fact]
    public async Task Import_StrictWithABadRow_ExitsWith2AndChangesNothing()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        var before = await CliDatabase.SnapshotAsync(shelf);

        var result = await shelf.RunAsync("import", Temp("title,number_of_pages,first_name,last_name\nGood,1,Ann,Writer\n,1,Ann,Writer\n"), "--strict");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 3", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [RealExportFact(GoodreadsFile)]
    public async Task Import_DryRun_SaysSoAndChangesNothing()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        var before = await CliDatabase.SnapshotAsync(shelf);

        var result = await shelf.RunAsync("import", Goodreads, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Dry run, nothing was changed: read 152 rows", result.Out, StringComparison.Ordinal);
        Assert.Contains("152 would be added", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [Fact]
    public async Task Import_Json_SummaryNumbersAddUp()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("import", RealExports.PathOf("goodbooks-10k__books.csv"), "--json");

        var summary = JsonDocument.Parse(result.Out).RootElement;
        long Count(string name) => summary.GetProperty(name).GetInt64();
        Assert.Equal(Count("read"), Count("added") + Count("updated") + Count("unchanged") + Count("rejected"));
        Assert.True(Count("warnings") > 9000);
        Assert.Equal("goodbooks", summary.GetProperty("format").GetString());
    }

    [Fact]
    public async Task Import_Formats_ListsEveryFormatWithItsColumns()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("import", "--formats");

        Assert.Equal(0, result.ExitCode);
        foreach (var name in new[] { "goodreads", "librarything", "calibre", "storygraph", "libib", "bookwyrm", "openreads", "kaggle-goodreads", "book-crossing", "goodbooks", "simple", "shelf" })
        {
            Assert.Contains($"  {name} ", result.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Exclusive Shelf", result.Out, StringComparison.Ordinal);
        Assert.Contains("--map", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnknownColumns_SaysWhatToDo()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("import", Temp("Name,Pages\nA,1\n"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--map", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithMap_ReadsAnyCsv()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("import", Temp("Name;Writer;Pages\nLe Petit Prince;Antoine de Saint-Exupéry;96\n"), "--map", "Name=title", "--map", "Writer=author", "--map", "Pages=pages");
        var listed = JsonDocument.Parse((await shelf.RunAsync("list", "--json")).Out).RootElement[0];

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(("Le Petit Prince", 96), (listed.GetProperty("title").GetString(), listed.GetProperty("pages").GetInt32()));
    }

    [Fact]
    public async Task Import_NamedEncoding_ReadsLegacyFile()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = TempFiles.NewPath("shift-jis");
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding("shift_jis").GetBytes("title,number_of_pages,first_name,last_name\n吾輩は猫である,100,漱石,夏目\n"));

        var result = await shelf.RunAsync("import", path, "--encoding", "shift_jis");
        var listed = JsonDocument.Parse((await shelf.RunAsync("list", "--json")).Out).RootElement[0];

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("吾輩は猫である", listed.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Import_SkipLines_ReadsTheHeaderAfterThem_UnknownColumnsHintNamesTheOption()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        var path = Temp("Exported by a tool\n[INFO] two books\ntitle,number_of_pages,first_name,last_name\nEmma,474,Jane,Austen\n,10,Ann,Writer\n");

        var unknown = await shelf.RunAsync("import", path);
        var skipped = await shelf.RunAsync("import", path, "--skip-lines", "2");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--skip-lines", Assert.Single(unknown.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, skipped.ExitCode);
        Assert.Contains("line 5", skipped.Error, StringComparison.Ordinal);
        Assert.Equal("Emma", JsonDocument.Parse((await shelf.RunAsync("list", "--json")).Out).RootElement[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Import_CalibredbListOutput_OneLineSayingWhatToExport_Exit2_NothingChanged()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        var before = await CliDatabase.SnapshotAsync(shelf);

        var result = await shelf.RunAsync("import", Temp("id title                          authors\n3  The Dawn of Everything: A New  David Graeber & David\n   History of Humanity            Wengrow\n"), "--format", "calibre");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("calibredb catalog books.csv", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [Fact]
    public async Task Import_CyrillicCodePageNotDetected_OneLineNamingTheEncodingOptionExit2()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        var before = await CliDatabase.SnapshotAsync(shelf);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = TempFiles.NewPath("cp1251");
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding(1251).GetBytes("title,number_of_pages,first_name,last_name\nВойна и мир,1225,Лев,Толстой\nМастер и Маргарита,480,Михаил,Булгаков\n"));

        var result = await shelf.RunAsync("import", path);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("not UTF-8", line, StringComparison.Ordinal);
        Assert.Contains("--encoding", line, StringComparison.Ordinal);
        Assert.Equal(before, await CliDatabase.SnapshotAsync(shelf));
    }

    [RealExportFact(GoodreadsFile)]
    public async Task Export_ToFileAndToStdout_SameCsvThatImportsBack()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("import", Goodreads);
        var file = TempFiles.NewPath("export");

        var toFile = await shelf.RunAsync("export", "-o", file);
        var toStdout = await shelf.RunAsync("export", "--format", "csv");
        var other = await CliDatabase.NewRunnerAsync(fixture);
        var imported = await other.RunAsync("import", file);

        Assert.Equal(0, toFile.ExitCode);
        Assert.Equal(string.Empty, toFile.Out);
        Assert.Contains("exported 152 books as csv to", toFile.Error, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(file), toStdout.Out);
        Assert.False(File.Exists(file + ".partial"));
        Assert.Contains("152 added", imported.Out, StringComparison.Ordinal);
    }

    [RealExportFact(GoodreadsFile)]
    public async Task Export_JsonAndGoodreads_WellFormed()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        await shelf.RunAsync("import", Goodreads);

        var json = await shelf.RunAsync("export", "--format", "json");
        var goodreads = await shelf.RunAsync("export", "--format", "goodreads");

        Assert.Equal(152, JsonDocument.Parse(json.Out).RootElement.GetArrayLength());
        Assert.StartsWith("Book Id,Title,Author,Author l-f,", goodreads.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ToAMissingFolder_ExitsWith2NamingTheFolderLikeDbDoes()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("export", "-o", "/no/such/folder/library.csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: the folder /no/such/folder does not exist; create it first or choose another path (-o)", Assert.Single(result.ErrorLines));
        Assert.DoesNotContain(".partial", result.Error, StringComparison.Ordinal);
    }

    private static string Temp(string content)
    {
        var path = TempFiles.NewPath("input");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : CatalogCommandsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : CatalogCommandsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : CatalogCommandsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
