using System.Globalization;
using System.Text;
using MySql.Data.MySqlClient;
using Npgsql;
using Shelf.Core.Data;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// An import is all or nothing: the built <c>shelf</c>, killed with SIGKILL or stopped with
/// Ctrl+C (SIGINT) while it writes a large file, leaves the library exactly as it was.
/// </summary>
public abstract class ImportInterruptionTests(DatabaseFixture fixture)
{
    private const int Rows = 400_000;

    /// <summary>A 400,000-row file in the simple format, written once per test run (the serve tests import it too).</summary>
    internal static readonly Lazy<string> BigFile = new(WriteBigFile);

    [Fact]
    public async Task Import_KilledMidway_LeavesTheLibraryAsItWas()
    {
        var (db, before) = await SeedAsync();
        using var shelf = ShelfProcess.Start("--db", db, "import", BigFile.Value);

        await WaitUntilWritingAsync(shelf, db);
        shelf.Process.Kill();
        await shelf.Process.WaitForExitAsync();

        // 137 = killed by SIGKILL; 0 would mean the import had already finished and the test proved nothing.
        Assert.Equal(137, shelf.Process.ExitCode);

        Assert.Equal(before, await SnapshotAsync(db));
        await AssertLibraryHealthyAsync(db);
    }

    [Fact]
    public async Task Import_InterruptedWithCtrlC_SaysSoAndLeavesTheLibraryAsItWas()
    {
        var (db, before) = await SeedAsync();
        using var shelf = ShelfProcess.Start("--db", db, "import", BigFile.Value);

        await WaitUntilWritingAsync(shelf, db);
        Assert.True(UnixProcess.Interrupt(shelf.Process.Id));
        var result = await shelf.WaitAsync();

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("nothing was changed", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(db));
    }

    /// <summary>How long to wait between two looks at <see cref="IsWritingAsync"/>.</summary>
    protected virtual TimeSpan PollInterval => TimeSpan.FromMilliseconds(20);

    /// <summary>True once the import has written into its transaction (but not committed).</summary>
    protected abstract Task<bool> IsWritingAsync(string db);

    /// <summary>Notes the state of the library's files before the import starts, for <see cref="IsWritingAsync"/>.</summary>
    protected virtual void BeforeImport(string db)
    {
    }

    protected abstract Task AssertLibraryHealthyAsync(string db);

    private async Task<(string Db, string Before)> SeedAsync()
    {
        var target = await fixture.NewDatabaseAsync();
        var db = CliDatabase.DbArgument(target);
        var seeded = await new CliRunner(db).RunAsync("import", Path.Combine(RepositoryPaths.Root, "data", "library_data.csv"));
        Assert.Equal(0, seeded.ExitCode);
        var before = await SnapshotAsync(db);
        BeforeImport(db);
        return (db, before);
    }

    private async Task WaitUntilWritingAsync(RunningShelf shelf, string db)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await IsWritingAsync(db))
        {
            if (shelf.HasExited)
            {
                var ended = await shelf.WaitAsync();
                Assert.Fail($"shelf ended (exit code {ended.ExitCode}) before the test could interrupt it: {ended.Out} {ended.Error}");
            }

            Assert.True(DateTime.UtcNow < deadline, "the import never started writing");
            await Task.Delay(PollInterval);
        }
    }

    private static Task<string> SnapshotAsync(string db) => CliDatabase.SnapshotAsync(new CliRunner(db));

    private static string WriteBigFile()
    {
        var path = TempFiles.NewPath("interrupt");
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write("title,number_of_pages,first_name,last_name\n");
        for (var i = 0; i < Rows; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"Interrupted Book {i},{(i % 900) + 10},Writer,Number{i % 5000}\n"));
        }

        return path;
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ImportInterruptionTests(fixture), IClassFixture<SqliteDatabaseFixture>
    {
        private long _walBefore;

        protected override void BeforeImport(string db)
        {
            // The seeding commands ran in this process; let their pooled connections go so the log is checkpointed.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _walBefore = WalSize(db);
        }

        // Pages the transaction cannot keep in its cache spill into the write-ahead log long before the commit.
        protected override Task<bool> IsWritingAsync(string db) => Task.FromResult(WalSize(db) > _walBefore + (2 << 20));

        private static long WalSize(string db) => File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0;

        protected override async Task AssertLibraryHealthyAsync(string db)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await command.ExecuteScalarAsync());
        }
    }

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ImportInterruptionTests(fixture), IClassFixture<PostgresDatabaseFixture>
    {
        // A backend with a transaction id has written something it has not committed.
        protected override async Task<bool> IsWritingAsync(string db)
        {
            var database = new NpgsqlConnectionStringBuilder(db).Database;
            await using var connection = new NpgsqlConnection(db);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()";
            command.Parameters.AddWithValue("db", database!);
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }

        protected override Task AssertLibraryHealthyAsync(string db) => Task.CompletedTask;
    }

    public sealed class MySql(MySqlDatabaseFixture fixture) : ImportInterruptionTests(fixture), IClassFixture<MySqlDatabaseFixture>
    {
        // InnoDB fills INNODB_TRX from a cache it refreshes only when nobody has read it for 100 ms:
        // polled every 20 ms it kept showing the moment before the import began (0 rows modified) for
        // the whole import, and kept showing the killed import's transaction after its rollback.
        private static readonly TimeSpan TransactionListInterval = TimeSpan.FromMilliseconds(250);

        protected override TimeSpan PollInterval => TransactionListInterval;

        protected override Task<bool> IsWritingAsync(string db) => HasUncommittedWritesAsync(db);

        /// <summary>Another connection to this database has an InnoDB transaction that has changed rows and not committed them.</summary>
        internal static async Task<bool> HasUncommittedWritesAsync(string db)
        {
            await using var connection = new MySqlConnection(db);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                """
                SELECT COUNT(*) FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
                WHERE p.DB = DATABASE() AND t.trx_rows_modified > 0 AND p.ID <> CONNECTION_ID()
                """;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0;
        }

        // The server rolled the killed client's transaction back; nothing of it may be left locked or half-done.
        protected override async Task AssertLibraryHealthyAsync(string db)
        {
            await using var connection = new MySqlConnection(db);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE p.DB = DATABASE() AND p.ID <> CONNECTION_ID()";
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the killed import's transaction was still open on the server after 30 s");
                await Task.Delay(TransactionListInterval);
            }
        }
    }
}
