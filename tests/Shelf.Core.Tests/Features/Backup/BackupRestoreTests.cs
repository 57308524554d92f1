using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Data.Bulk;
using Shelf.Core.Features.Backup;
using Shelf.Core.Features.Books;
using Shelf.Core.Tests.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Backup;

public abstract class BackupRestoreTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task RoundTrip_IntoAnEmptyLibrary_EveryRowComesBackWithItsIds()
    {
        var (source, backup) = await FilledBackupAsync();
        await using var db = await fixture.OpenNewAsync();

        var restored = await Restore(db).ExecuteAsync(new RestoreLibraryRequest(backup.Path), default);

        Assert.True(restored.IsSuccess, restored.Error?.Message);
        Assert.False(restored.Value.Replaced);
        await using var original = await DatabaseFixture.OpenAsync(source);
        Assert.Equal(await BackupTestData.DumpAsync(original), await BackupTestData.DumpAsync(db));
        // Every table of the model, those added after backups were written (users, tokens) too.
        Assert.Equal(BackupTables.From(db.Model).Select(t => t.Name).Order(), backup.Manifest.Tables.Select(t => t.Name).Order());
        Assert.Contains("sales", backup.Manifest.Tables.Select(t => t.Name));
        Assert.Equal(db.Database.GetMigrations().Last(), backup.Manifest.SchemaVersion);
    }

    [Fact]
    public async Task Restore_ThenAdd_NewIdsFollowTheRestoredOnes()
    {
        var (_, backup) = await FilledBackupAsync();
        await using var db = await fixture.OpenNewAsync();
        Assert.True((await Restore(db).ExecuteAsync(new RestoreLibraryRequest(backup.Path), default)).IsSuccess);
        var highest = await db.Books.MaxAsync(b => b.Id);

        var added = await BookTestData.AddAsync(db, "After The Restore", "Someone New");

        Assert.True(added.Id > highest);
    }

    [Fact]
    public async Task Restore_SearchIndex_FindsTheRestoredBooks()
    {
        var (_, backup) = await FilledBackupAsync();
        await using var db = await fixture.OpenNewAsync();
        Assert.True((await Restore(db).ExecuteAsync(new RestoreLibraryRequest(backup.Path), default)).IsSuccess);

        var found = await new Shelf.Core.Features.Search.SearchBooks(db).ExecuteAsync(new("author:gaiman"), default);

        Assert.Equal(["Good Omens"], found.Value.Select(b => b.Title));
    }

    [Fact]
    public async Task Restore_NotEmpty_RefusedAndNothingChanges()
    {
        var (_, backup) = await FilledBackupAsync();
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "Already Here", "Some One");
        var before = await BackupTestData.DumpAsync(db);

        var restored = await Restore(db).ExecuteAsync(new RestoreLibraryRequest(backup.Path), default);

        Assert.Equal(BackupErrorCodes.NotEmpty, restored.Error!.Code);
        Assert.Contains("1 books", restored.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await BackupTestData.DumpAsync(db));
    }

    [Fact]
    public async Task Restore_Replace_ReplacesEverything()
    {
        var (source, backup) = await FilledBackupAsync();
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "Already Here", "Some One");

        var restored = await Restore(db).ExecuteAsync(new RestoreLibraryRequest(backup.Path) { Replace = true }, default);

        Assert.True(restored.IsSuccess, restored.Error?.Message);
        Assert.True(restored.Value.Replaced);
        await using var original = await DatabaseFixture.OpenAsync(source);
        Assert.Equal(await BackupTestData.DumpAsync(original), await BackupTestData.DumpAsync(db));
    }

    [Fact]
    public async Task Restore_Truncated_RefusedAndNothingWritten()
    {
        var (_, backup) = await FilledBackupAsync();
        var bytes = await File.ReadAllBytesAsync(backup.Path);
        var truncated = BackupTestData.NewPath();
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length * 2 / 3)]);
        await using var db = await fixture.OpenNewAsync();

        var restored = await Restore(db).ExecuteAsync(new RestoreLibraryRequest(truncated), default);

        Assert.Equal(BackupErrorCodes.Damaged, restored.Error!.Code);
        Assert.Contains("truncated or damaged", restored.Error.Message, StringComparison.Ordinal);
        Assert.Empty(await BackupTestData.DumpAsync(db));
    }

    [Fact]
    public async Task Restore_RowChangedInTheArchive_ChecksumRefusesItAndNothingWritten()
    {
        var (_, backup) = await FilledBackupAsync();
        BackupTestData.EditTable(backup.Path, "books", lines => [.. lines.Select(l => l.Replace("Good Omens", "Bad Omens", StringComparison.Ordinal))]);
        await using var db = await fixture.OpenNewAsync();

        var restored = await Restore(db).ExecuteAsync(new RestoreLibraryRequest(backup.Path), default);

        Assert.Equal(BackupErrorCodes.Damaged, restored.Error!.Code);
        Assert.Contains("checksum", restored.Error.Message, StringComparison.Ordinal);
        Assert.Empty(await BackupTestData.DumpAsync(db));
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("not json at all")]
    [InlineData("{\"id\": 1}")]
    [InlineData("[\"x\"")]
    public async Task Restore_MalformedRow_RefusedAndNothingWritten(string line)
    {
        var (_, backup) = await FilledBackupAsync();
        BackupTestData.EditTable(backup.Path, "tags", lines => [.. lines, line]);
        await using var db = await fixture.OpenNewAsync();

        var restored = await Restore(db).ExecuteAsync(new RestoreLibraryRequest(backup.Path), default);

        Assert.Equal(BackupErrorCodes.Damaged, restored.Error!.Code);
        Assert.Contains("is not a row of that table", restored.Error.Message, StringComparison.Ordinal);
        Assert.Empty(await BackupTestData.DumpAsync(db));
    }

    [Fact]
    public async Task Restore_RowTheSchemaRefuses_RefusedAndNothingWritten()
    {
        var (_, backup) = await FilledBackupAsync();

        // A consistent archive (its manifest recounted) whose rows break a CHECK: rating 9.
        await using (var probe = await fixture.OpenNewAsync())
        {
            var columns = BackupTables.From(probe.Model).Single(t => t.Name == "books").Columns.Select(c => c.Name).ToList();
            var rating = columns.IndexOf("rating");
            BackupTestData.EditTable(backup.Path, "books", lines => [.. lines.Select(l => SetValue(l, rating, "9"))]);
            Recount(backup.Path, "books");
        }

        await using var db = await fixture.OpenNewAsync();
        var restored = await Restore(db).ExecuteAsync(new RestoreLibraryRequest(backup.Path), default);

        Assert.Equal(BackupErrorCodes.RowsRefused, restored.Error!.Code);
        Assert.Empty(await BackupTestData.DumpAsync(db));
    }

    [Fact]
    public async Task Restore_NewerSchema_Refused()
    {
        var (_, backup) = await FilledBackupAsync();
        BackupTestData.EditManifest(backup.Path, m => m["schemaVersion"] = "29991231000000_FromTheFuture");
        await using var db = await fixture.OpenNewAsync();

        var restored = await Restore(db).ExecuteAsync(new RestoreLibraryRequest(backup.Path), default);

        Assert.Equal(BackupErrorCodes.NewerSchema, restored.Error!.Code);
        Assert.Contains("newer Shelf", restored.Error.Message, StringComparison.Ordinal);
        Assert.Empty(await BackupTestData.DumpAsync(db));
    }

    [Fact]
    public async Task Restore_TableThisShelfLacks_Refused()
    {
        var (_, backup) = await FilledBackupAsync();
        BackupTestData.EditManifest(backup.Path, m => m["tables"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "users; DROP TABLE books",
            ["columns"] = new JsonArray(new JsonObject { ["name"] = "id", ["kind"] = "number" }),
            ["rows"] = 0,
            ["checksum"] = "0",
        }));
        await using var db = await fixture.OpenNewAsync();

        var restored = await Restore(db).ExecuteAsync(new RestoreLibraryRequest(backup.Path), default);

        Assert.Equal(BackupErrorCodes.NewerSchema, restored.Error!.Code);
        Assert.Empty(await BackupTestData.DumpAsync(db));
    }

    [Fact]
    public async Task Restore_NotABackup_Refused()
    {
        var csv = TempFiles.NewPath("not-a-backup");
        await File.WriteAllTextAsync(csv, "title,author\nEmma,Jane Austen\n");
        var zipWithoutManifest = BackupTestData.NewPath();
        using (var zip = ZipFile.Open(zipWithoutManifest, ZipArchiveMode.Create))
        {
            zip.CreateEntry("hello.txt");
        }

        await using var db = await fixture.OpenNewAsync();

        Assert.Equal(BackupErrorCodes.NotABackup, (await Restore(db).ExecuteAsync(new RestoreLibraryRequest(csv), default)).Error!.Code);
        Assert.Equal(BackupErrorCodes.NotABackup, (await Restore(db).ExecuteAsync(new RestoreLibraryRequest(zipWithoutManifest), default)).Error!.Code);
        Assert.Equal(BackupErrorCodes.FileMissing, (await Restore(db).ExecuteAsync(new RestoreLibraryRequest(csv + ".missing"), default)).Error!.Code);
        Assert.Equal(BackupErrorCodes.NotABackup, (await Restore(db).ExecuteAsync(new RestoreLibraryRequest(""), default)).Error!.Code);
    }

    [Fact]
    public async Task Backup_WhileAnotherProgramAddsBooks_IsOneConsistentSnapshot()
    {
        var target = await fixture.NewDatabaseAsync();
        await using var db = await DatabaseFixture.OpenAsync(target);
        for (var i = 0; i < 50; i++)
        {
            await BookTestData.AddAsync(db, $"Before {i}", $"Writer {i}", "Second Author");
        }

        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            await using var other = await DatabaseFixture.OpenAsync(target);
            while (!stop.IsCancellationRequested)
            {
                // Each book and its two credits are one transaction: a snapshot has all three or none.
                await BookTestData.AddAsync(other, $"During {written}", $"Writer During {written}", "Second Author");
                written++;
            }
        });

        await Task.Delay(300);
        var backups = new List<BackupSummary>();
        for (var i = 0; i < 3; i++)
        {
            backups.Add(await BackupTestData.BackupAsync(db, target));
        }

        await stop.CancelAsync();
        await writer;

        Assert.True(written > 0, "the writer wrote nothing during the backups");
        foreach (var backup in backups)
        {
            await using var copy = await fixture.OpenNewAsync();
            var restored = await Restore(copy).ExecuteAsync(new RestoreLibraryRequest(backup.Path), default);
            Assert.True(restored.IsSuccess, restored.Error?.Message);
            var books = await copy.Books.CountAsync();
            Assert.Equal(backup.Manifest.Books, books);
            Assert.Equal(2 * books, await copy.BookAuthors.CountAsync());
            Assert.Equal(0, await copy.Books.CountAsync(b => b.Authors.Count != 2));
        }
    }

    [Fact]
    public async Task Backup_ToTheLibraryFileOrAMissingFolder_Refused()
    {
        await using var db = await fixture.OpenNewAsync();
        var target = DatabaseTarget.Sqlite(TempFiles.NewPath("library", ".db"));

        var intoFolder = await new BackupLibrary(db, target, TimeProvider.System).ExecuteAsync(new BackupLibraryRequest(Path.Combine(TempFiles.NewPath("missing", ""), "x.shelf-backup")), default);
        var ontoLibrary = await new BackupLibrary(db, target, TimeProvider.System).ExecuteAsync(new BackupLibraryRequest(target.FilePath!), default);

        Assert.Equal(BackupErrorCodes.FolderMissing, intoFolder.Error!.Code);
        Assert.Equal(BackupErrorCodes.NotABackup, ontoLibrary.Error!.Code);
    }

    [Fact]
    public async Task Restore_LargeLibrary_BulkPathKeepsEveryRowIndexAndConstraint()
    {
        var backup = await LargeBackupAsync();
        await using var db = await fixture.OpenNewAsync();
        var schemaBefore = await SchemaAsync(db);

        var restored = await Restore(db).ExecuteAsync(new RestoreLibraryRequest(backup.Path), default);

        Assert.True(restored.IsSuccess, restored.Error?.Message);
        Assert.Equal(20_501, await db.Books.CountAsync());
        Assert.Equal(20_501, await db.BookAuthors.CountAsync());
        Assert.Equal(schemaBefore, await SchemaAsync(db));
    }

    [Fact]
    public async Task Restore_LargeLibrary_SearchIndexBuiltInBulk_FindsTheLastBook()
    {
        var backup = await LargeBackupAsync();
        await using var db = await fixture.OpenNewAsync();

        Assert.True((await Restore(db).ExecuteAsync(new RestoreLibraryRequest(backup.Path), default)).IsSuccess);

        var found = await new Shelf.Core.Features.Search.SearchBooks(db).ExecuteAsync(new("generated 20500"), default);
        Assert.Equal("Generated 20500", found.Value[0].Title);
    }

    private async Task<BackupSummary> LargeBackupAsync()
    {
        var source = await fixture.NewDatabaseAsync();
        await using var original = await DatabaseFixture.OpenAsync(source);
        await BookTestData.AddAsync(original, "Seed", "Only Author");

        // On MySQL the search and book-count triggers run a stored procedure per row: 20,500 rows of
        // them outlasted the 30 s command timeout on a loaded CI machine, and the cancelled statement
        // hung the run. They are set aside and rebuilt once, as a bulk import does.
        var triggers = new BulkTriggers(fixture.Provider);
        var connection = original.Database.GetDbConnection();
        if (fixture.Provider == DatabaseProvider.MySql)
        {
            await original.Database.OpenConnectionAsync();
            await triggers.SetAsideAsync(connection, null, default);
        }

        // MySQL joins text with CONCAT (its || is OR) and stops a recursive query at 1,000 rounds unless told otherwise.
        await original.ExecuteAsync(fixture.Provider == DatabaseProvider.MySql
            ? """
              SET SESSION max_recursive_iterations = 30000;
              INSERT INTO books (title, title_key, added_at, updated_at, read_count)
              WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20500)
              SELECT CONCAT('Generated ', i), CONCAT('generated ', i), '2026-01-01 10:00:00', '2026-01-01 10:00:00', 0 FROM n
              """
            : """
              WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20500)
              INSERT INTO books (title, title_key, added_at, updated_at, read_count)
              SELECT 'Generated ' || i, 'generated ' || i, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 0 FROM n
              """);
        // The author's id is read first: MySQL refuses a statement that reads authors while a trigger
        // it fires (the maintained book count) updates them.
        var author = await original.ScalarAsync<long>("SELECT min(id) FROM authors");
        await original.ExecuteAsync("INSERT INTO book_authors (book_id, author_id, position, role) SELECT id, @author, 0, 'author' FROM books WHERE title <> 'Seed'", ("author", author));
        if (fixture.Provider == DatabaseProvider.MySql)
        {
            await triggers.RebuildAsync(connection, null, default);
        }

        return await BackupTestData.BackupAsync(original, source);
    }

    // The indexes and constraints of the library, to prove a bulk restore put every one back.
    private static Task<List<string>> SchemaAsync(ShelfDbContext db) => db.Provider switch
    {
        DatabaseProvider.Sqlite => db.RowsAsync("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"),
        DatabaseProvider.Postgres => db.RowsAsync(
            """
            SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
            UNION ALL SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
            ORDER BY 1, 2
            """),
        _ => db.RowsAsync(
            """
            SELECT CONCAT_WS(' ', TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
            UNION ALL SELECT CONCAT_WS(' ', TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE) FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()
            UNION ALL SELECT CONCAT_WS(' ', CONSTRAINT_NAME, CHECK_CLAUSE) FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()
            ORDER BY 1
            """),
    };

    private async Task<(DatabaseTarget Source, BackupSummary Backup)> FilledBackupAsync()
    {
        var source = await fixture.NewDatabaseAsync();
        await using var db = await DatabaseFixture.OpenAsync(source);
        await BackupTestData.FillAsync(db);
        return (source, await BackupTestData.BackupAsync(db, source));
    }

    private static RestoreLibrary Restore(ShelfDbContext db) => new(db, DatabaseTarget.Sqlite("/tmp/unused-in-messages.db"));

    private static string SetValue(string line, int index, string value)
    {
        var row = JsonNode.Parse(line)!.AsArray();
        row[index] = JsonNode.Parse(value);
        return row.ToJsonString();
    }

    // Makes the manifest agree with the edited rows, as a careful forger would.
    private static void Recount(string path, string table)
    {
        var checksum = new TableChecksum();
        using (var zip = ZipFile.OpenRead(path))
        using (var reader = new StreamReader(zip.GetEntry(BackupManifest.TableEntry(table))!.Open()))
        {
            foreach (var line in reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                checksum.Add(System.Text.Encoding.UTF8.GetBytes(line));
            }
        }

        BackupTestData.EditManifest(path, m =>
        {
            var entry = m["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == table)!;
            entry["checksum"] = checksum.Value;
            entry["rows"] = checksum.Rows;
        });
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : BackupRestoreTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : BackupRestoreTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : BackupRestoreTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
