using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>db status / tables / create, and how each way of failing to reach a database is reported.</summary>
public sealed class DbCommandsTests : IClassFixture<SqliteDatabaseFixture>, IClassFixture<PostgresDatabaseFixture>
{
    private readonly SqliteDatabaseFixture _sqlite;
    private readonly PostgresDatabaseFixture _postgres;

    public DbCommandsTests(SqliteDatabaseFixture sqlite, PostgresDatabaseFixture postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
    }

    [Fact]
    public async Task DbStatus_Sqlite_ShowsProviderLocationSchemaAndRowCounts()
    {
        var shelf = await CliDatabase.NewRunnerAsync(_sqlite);
        await shelf.RunAsync("add", "Emma", "--author", "Jane Austen");

        var result = await shelf.RunAsync("db", "status", "--json");

        var status = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("sqlite", status.GetProperty("provider").GetString());
        Assert.Equal(shelf.Database, status.GetProperty("location").GetString());
        await using (var db = Shelf.Testing.TestLibrary.CreateContext(Shelf.Core.Data.DatabaseTarget.Sqlite(shelf.Database)))
        {
            // The newest migration, whichever it is.
            Assert.Equal(db.Database.GetMigrations().Last(), status.GetProperty("schemaVersion").GetString());
        }

        Assert.StartsWith("SQLite 3.", status.GetProperty("serverVersion").GetString(), StringComparison.Ordinal);
        var rows = status.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("rows").GetInt64());
        Assert.Equal(1, rows["books"]);
        Assert.Equal(1, rows["authors"]);
    }

    [Fact]
    public async Task List_LibraryAnOlderShelfLeft_MigratesItFirst()
    {
        // One-shot commands open a current SQLite library without EF; one lacking a migration
        // must still go through EF, which migrates it before the command runs.
        using var file = new SqliteTestFile();
        await using (var db = TestLibrary.CreateContext(file.Target))
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.Database.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations[^2]);
        }

        var shelf = new CliRunner(file.FilePath);
        var listed = await shelf.RunAsync("list");
        var status = await shelf.RunAsync("db", "status", "--json");

        Assert.True(listed.ExitCode == 0, listed.Error);
        Assert.Equal(0, JsonDocument.Parse(status.Out).RootElement.GetProperty("pendingMigrations").GetInt32());
    }

    [Fact]
    public async Task DbStatus_PostgresUrlWithPassword_NeverPrintsThePassword()
    {
        var server = _postgres.Server;
        var target = await _postgres.NewDatabaseAsync();
        var url = $"postgres://postgres:{Uri.EscapeDataString(server.Password)}@{server.Host}:{server.Port.ToString(CultureInfo.InvariantCulture)}/{target.DatabaseName}";
        var shelf = new CliRunner(url);

        var plain = await shelf.RunAsync("db", "status");
        var json = await shelf.RunAsync("db", "status", "--json");

        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.Contains($"postgres://postgres@{server.Server}/{target.DatabaseName}", plain.Out, StringComparison.Ordinal);
        Assert.StartsWith("PostgreSQL 1", JsonDocument.Parse(json.Out).RootElement.GetProperty("serverVersion").GetString(), StringComparison.Ordinal);
        if (server.Password.Length > 0)
        {
            Assert.DoesNotContain(server.Password, plain.Out + plain.Error + json.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task List_WhileAnotherCommandHoldsTheBookTables_TimesOutWithAMessageNamingIt()
    {
        var target = await _postgres.NewDatabaseAsync();
        var owner = new CliRunner(CliDatabase.DbArgument(target));
        await owner.RunAsync("add", "Emma", "--author", "Jane Austen");

        // What a large import does until it commits (PostgresBulkLoad), held by another connection.
        await using var import = await DatabaseFixture.OpenAsync(target);
        await using var transaction = await import.Database.BeginTransactionAsync();
        await import.Database.ExecuteSqlRawAsync("LOCK TABLE books, book_authors, book_identifiers, book_tags IN ACCESS EXCLUSIVE MODE");
        var waiting = new CliRunner(CliDatabase.DbArgument(target) + ";Command Timeout=1");

        var result = await waiting.RunAsync("list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did not answer in time: another command (a large import?) may be holding the library", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        await transaction.RollbackAsync();
        Assert.Contains("Emma", (await owner.RunAsync("list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbTables_ListsEveryTableWithRowCounts()
    {
        var shelf = await CliDatabase.NewRunnerAsync(_sqlite);
        await shelf.RunAsync("add", "Emma", "--author", "Jane Austen");

        var result = await shelf.RunAsync("db", "tables");

        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name\trows", lines[0]);
        Assert.Contains("books\t1", lines);
        Assert.Contains("book_authors\t1", lines);
        Assert.Contains("tags\t0", lines);
    }

    [Fact]
    public async Task DbMigrate_NewSqliteFile_AppliesTheSchemaThenReportsUpToDate()
    {
        var shelf = await CliDatabase.NewRunnerAsync(_sqlite);

        var first = await shelf.RunAsync("db", "migrate", "--json");
        var second = await shelf.RunAsync("db", "migrate");
        var added = await shelf.RunAsync("add", "Emma", "--author", "Jane Austen");

        Assert.True(first.ExitCode == 0, first.Error);
        var applied = JsonDocument.Parse(first.Out).RootElement.GetProperty("applied").GetInt32();
        await using (var db = Shelf.Testing.TestLibrary.CreateContext(Shelf.Core.Data.DatabaseTarget.Sqlite(shelf.Database)))
        {
            Assert.Equal(db.Database.GetMigrations().Count(), applied);
        }

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("is up to date", second.Out, StringComparison.Ordinal);
        Assert.Equal(0, added.ExitCode);
    }

    [Fact]
    public async Task DbMigrate_FileOfAnotherProgram_ExitsWith2AndLeavesItUnchanged()
    {
        var shelf = await CliDatabase.NewRunnerAsync(_sqlite);
        await File.WriteAllTextAsync(shelf.Database, "not a database at all, just text that is long enough to be a header....................................");
        var before = await File.ReadAllBytesAsync(shelf.Database);

        var result = await shelf.RunAsync("db", "migrate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a SQLite database", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(before, await File.ReadAllBytesAsync(shelf.Database));
    }

    [Fact]
    public async Task DbCreate_MissingPostgresDatabase_CreatesItAndOtherCommandsThenWork()
    {
        var server = _postgres.Server;
        var name = "shelf_cli_create_" + Guid.NewGuid().ToString("N")[..8];
        var shelf = new CliRunner(server.ConnectionStringFor(name));
        try
        {
            var before = await shelf.RunAsync("list");
            var created = await shelf.RunAsync("db", "create");
            var again = await shelf.RunAsync("db", "create");
            var listed = await shelf.RunAsync("list", "--json");

            Assert.Equal(3, before.ExitCode);
            Assert.Contains("shelf db create", before.Error, StringComparison.Ordinal);
            Assert.Contains(server.Server, before.Error, StringComparison.Ordinal);
            Assert.Equal(0, created.ExitCode);
            Assert.StartsWith("Created", created.Out, StringComparison.Ordinal);
            Assert.Contains("already exists", again.Out, StringComparison.Ordinal);
            Assert.Equal("[]", listed.Out.Trim());
        }
        finally
        {
            await server.DropDatabaseAsync(server.ConnectionStringFor(name));
        }
    }

    [Fact]
    public async Task AnyCommand_PostgresNotListening_ExitsWith1NamingHostAndPort()
    {
        var port = Network.FreeTcpPort();
        var shelf = new CliRunner($"postgres://postgres:x@127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/library");

        var result = await shelf.RunAsync("list");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", line, StringComparison.Ordinal);
        Assert.Contains("connection refused", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_WrongPostgresPassword_ExitsWith1NamingHostAndPort()
    {
        var server = _postgres.Server;
        if (server.Password.Length == 0)
        {
            // Only an external SHELF_TEST_POSTGRES server can run without passwords; the private one always has one.
            return;
        }

        var target = await _postgres.NewDatabaseAsync();
        var shelf = new CliRunner($"postgres://postgres:wrong-password@{server.Host}:{server.Port.ToString(CultureInfo.InvariantCulture)}/{target.DatabaseName}");

        var result = await shelf.RunAsync("list");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(server.Server, line, StringComparison.Ordinal);
        Assert.Contains("password", line, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_SqlitePathInMissingFolder_ExitsWith2AndCreatesNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "shelf-missing-" + Guid.NewGuid().ToString("N"));
        var shelf = new CliRunner(Path.Combine(folder, "library.db"));

        var result = await shelf.RunAsync("add", "A", "--author", "B");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(folder, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task AnyCommand_FileThatIsNotSqlite_ExitsWith2AndLeavesTheFileAlone()
    {
        var target = await _sqlite.NewDatabaseAsync();
        var bytes = "name,pages\nnot a database at all\n"u8.ToArray().Concat(new byte[5000]).ToArray();
        await File.WriteAllBytesAsync(target.FilePath!, bytes);
        var shelf = new CliRunner(target.FilePath!);

        var result = await shelf.RunAsync("add", "A", "--author", "B");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a SQLite database", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(target.FilePath!));
    }

    [Fact]
    public async Task AnyCommand_TruncatedLibrary_ExitsWith1SayingItIsDamagedAndHowToRecover()
    {
        var shelf = await CliDatabase.NewRunnerAsync(_sqlite);
        var rows = new System.Text.StringBuilder("title,number_of_pages,first_name,last_name\n");
        for (var i = 0; i < 3000; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"A rather long title for book number {i} of the test,{i + 1},Some,Writer{i}\n");
        }

        var catalog = TempFiles.NewPath("damaged");
        await File.WriteAllTextAsync(catalog, rows.ToString());
        Assert.Equal(0, (await shelf.RunAsync("import", catalog)).ExitCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.False(File.Exists(shelf.Database + "-wal") && new FileInfo(shelf.Database + "-wal").Length > 0);
        await using (var file = File.Open(shelf.Database, FileMode.Open))
        {
            file.SetLength(file.Length / 2);
        }

        var cut = await File.ReadAllBytesAsync(shelf.Database);

        var result = await shelf.RunAsync("list", "--all");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("is a SQLite database but it is damaged", line, StringComparison.Ordinal);
        Assert.Contains(".recover", line, StringComparison.Ordinal);
        Assert.Equal(cut, await File.ReadAllBytesAsync(shelf.Database));
    }

    [Fact]
    public async Task AnyCommand_PostgresConnectionLostMidCommand_ExitsWith1SayingNothingWasChanged()
    {
        var target = await _postgres.NewDatabaseAsync();
        var shelf = new CliRunner(target.ConnectionString);
        Assert.Equal(0, (await shelf.RunAsync("add", "Emma", "--author", "Jane Austen")).ExitCode);
        var rows = new System.Text.StringBuilder("title,number_of_pages,first_name,last_name\n");
        for (var i = 0; i < 200_000; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"Lost Book {i},{(i % 900) + 10},Writer,Number{i % 5000}\n");
        }

        var catalog = TempFiles.NewPath("lost");
        await File.WriteAllTextAsync(catalog, rows.ToString());

        var import = shelf.RunAsync("import", catalog);
        await using (var admin = new Npgsql.NpgsqlConnection(target.ConnectionString))
        {
            await admin.OpenAsync();
            await using var command = admin.CreateCommand();

            // Once the import's backend has written into its transaction, end it as a server shutdown would.
            command.CommandText = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()";
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!import.IsCompleted && await command.ExecuteScalarAsync() is not true)
            {
                Assert.True(DateTime.UtcNow < deadline, "the import never started writing");
                await Task.Delay(20);
            }
        }

        var result = await import;

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: the connection to PostgreSQL at {target.Server} was lost (the server went away); nothing was changed; try again when it is back", Assert.Single(result.ErrorLines));
        var listed = await shelf.RunAsync("list", "--json");
        Assert.Single(JsonDocument.Parse(listed.Out).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task AnyCommand_SqliteFileOfAnotherProgram_ExitsWith2AndAddsNoTables()
    {
        var target = await _sqlite.NewDatabaseAsync();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={target.FilePath};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)";
            await command.ExecuteNonQueryAsync();
        }

        var result = await new CliRunner(target.FilePath!).RunAsync("list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a Shelf library", result.Error, StringComparison.Ordinal);
        await using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={target.FilePath};Pooling=false");
        await check.OpenAsync();
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }
}
