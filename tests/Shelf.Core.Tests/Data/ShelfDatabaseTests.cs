using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Testing;

namespace Shelf.Core.Tests.Data;

public sealed class ShelfDatabaseTests
{
    // book_search is the full-text index (SearchIndexSql); on SQLite FTS5 keeps it in shadow tables book_search_*.
    private static readonly string[] LibraryTables = ["api_tokens", "authors", "book_authors", "book_identifiers", "book_search", "book_tags", "books", "borrowers", "data_protection_keys", "import_jobs", "loans", "merge_records", "sales", "tags", "users"];

    // On PostgreSQL the index also has its vocabulary (SearchIndexSql.PostgresTermsCreate); FTS5 has its own.
    private static readonly string[] PostgresLibraryTables = ["api_tokens", "authors", "book_authors", "book_identifiers", "book_search", "book_search_terms", "book_tags", "books", "borrowers", "data_protection_keys", "import_jobs", "loans", "merge_records", "sales", "tags", "users"];

    // SQLite

    [Fact]
    public async Task OpenAsync_NewSqliteFile_CreatesAndMigratesTheLibrary()
    {
        using var file = new SqliteTestFile();

        await using var db = await DatabaseFixture.OpenAsync(file.Target);

        Assert.True(File.Exists(file.FilePath));
        var tables = await db.RowsAsync("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' AND name NOT LIKE 'book_search_%' ORDER BY name");
        Assert.Equal(LibraryTables, tables);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task OpenAsync_NewSqliteFile_UsesWalJournal()
    {
        using var file = new SqliteTestFile();

        await using var db = await DatabaseFixture.OpenAsync(file.Target);

        Assert.Equal("wal", await db.ScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task OpenAsync_NewSqliteFile_Uses16KbPages()
    {
        using var file = new SqliteTestFile();

        await using var db = await DatabaseFixture.OpenAsync(file.Target);

        Assert.Equal(16384, await db.ScalarAsync<long>("PRAGMA page_size"));
    }

    [Fact]
    public async Task OpenAsync_EmptySqliteFileWhosePageSizeIsFixed_KeepsItAndBecomesALibrary()
    {
        // As libraries made before 16 KB pages were: the page size is part of the file once written.
        using var file = new SqliteTestFile();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file.Target.FilePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; VACUUM;";
            await command.ExecuteNonQueryAsync();
        }

        await using var db = await DatabaseFixture.OpenAsync(file.Target);
        await db.ExecuteAsync("INSERT INTO tags (name, name_key) VALUES ('A', 'a')");

        Assert.Equal(4096, await db.ScalarAsync<long>("PRAGMA page_size"));
        Assert.Equal(["A"], await db.RowsAsync("SELECT name FROM tags"));
    }

    [Fact]
    public async Task OpenAsync_ExistingSqliteLibrary_KeepsItsData()
    {
        using var file = new SqliteTestFile();
        await using (var first = await DatabaseFixture.OpenAsync(file.Target))
        {
            await first.ExecuteAsync(
                "INSERT INTO tags (name, name_key) VALUES (@name, @key)",
                ("name", "Favourites"),
                ("key", "favourites"));
        }

        await using var second = await DatabaseFixture.OpenAsync(file.Target);

        Assert.Equal(["Favourites"], await second.RowsAsync("SELECT name FROM tags"));
    }

    [Fact]
    public async Task OpenAsync_SqlitePathInMissingDirectory_FailsWithDirectoryMissingAndCreatesNothing()
    {
        using var file = new SqliteTestFile();
        var missing = Path.Combine(file.DirectoryPath, "no-such-folder");
        var target = DatabaseTarget.Sqlite(Path.Combine(missing, "library.db"));

        var opened = await TestLibrary.Database(target).OpenAsync(CancellationToken.None);

        var error = AssertFailed(opened, ErrorKind.Invalid, "db.directory_missing");
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task OpenAsync_DefaultSqliteLocationInMissingDirectory_CreatesTheDirectory()
    {
        using var file = new SqliteTestFile();
        var dataHome = Path.Combine(file.DirectoryPath, "xdg");
        var target = DatabaseTarget.Resolve(null, name => name == "XDG_DATA_HOME" ? dataHome : null).Value;

        await using var db = await DatabaseFixture.OpenAsync(target);

        Assert.True(target.IsDefaultLocation);
        Assert.True(File.Exists(Path.Combine(dataHome, "shelf", "library.db")));
    }

    [Fact]
    public async Task OpenAsync_FileOfJunkBytes_FailsWithNotSqliteAndLeavesTheFileUnchanged()
    {
        using var file = new SqliteTestFile();
        var junk = RandomNumberGenerator.GetBytes(8192);
        await File.WriteAllBytesAsync(file.FilePath, junk);

        var opened = await TestLibrary.Database(file.Target).OpenAsync(CancellationToken.None);

        var error = AssertFailed(opened, ErrorKind.Invalid, "db.not_sqlite");
        Assert.Contains(file.FilePath, error.Message, StringComparison.Ordinal);
        Assert.Equal(junk, await File.ReadAllBytesAsync(file.FilePath));
    }

    [Fact]
    public async Task OpenAsync_SqliteFileWithOtherTables_FailsWithNotALibraryAndLeavesTheFileUnchanged()
    {
        using var file = new SqliteTestFile();
        await using (var other = new SqliteConnection($"Data Source={file.FilePath};Pooling=False"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada');";
            await command.ExecuteNonQueryAsync();
        }

        var before = await File.ReadAllBytesAsync(file.FilePath);

        var opened = await TestLibrary.Database(file.Target).OpenAsync(CancellationToken.None);

        var error = AssertFailed(opened, ErrorKind.Invalid, "db.not_a_library");
        Assert.Contains(file.FilePath, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(file.FilePath));
    }

    [Fact]
    public async Task OpenAsync_SqliteLibraryFromANewerShelf_FailsWithNewerSchema()
    {
        using var file = new SqliteTestFile();
        await using (var db = await DatabaseFixture.OpenAsync(file.Target))
        {
            await db.ExecuteAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES (@id, '10.0.14')",
                ("id", "29991231000000_FromTheFuture"));
        }

        var opened = await TestLibrary.Database(file.Target).OpenAsync(CancellationToken.None);

        var error = AssertFailed(opened, ErrorKind.Unavailable, "db.newer_schema");
        Assert.Contains("29991231000000_FromTheFuture", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_SqlitePathIsADirectory_FailsWithPathIsDirectory()
    {
        using var file = new SqliteTestFile();

        var opened = await TestLibrary.Database(DatabaseTarget.Sqlite(file.DirectoryPath)).OpenAsync(CancellationToken.None);

        var error = AssertFailed(opened, ErrorKind.Invalid, "db.path_is_directory");
        Assert.Contains(file.DirectoryPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_NewSqliteFile_ReturnsTrueThenFalse()
    {
        using var file = new SqliteTestFile();

        var first = await TestLibrary.Database(file.Target).CreateAsync(CancellationToken.None);
        var second = await TestLibrary.Database(file.Target).CreateAsync(CancellationToken.None);

        Assert.True(first.Value);
        Assert.False(second.Value);
        Assert.True(File.Exists(file.FilePath));
    }

    // PostgreSQL

    [Fact]
    public async Task OpenAsync_PostgresDatabaseMissing_FailsWithDatabaseMissingNamingTheServer()
    {
        var server = await PostgresServer.GetAsync();
        var name = "shelf_missing_" + RandomNumberGenerator.GetHexString(8, lowercase: true);
        var target = PostgresTarget(server.ConnectionStringFor(name));

        var opened = await TestLibrary.Database(target).OpenAsync(CancellationToken.None);

        var error = AssertFailed(opened, ErrorKind.NotFound, "db.database_missing");
        Assert.Contains(server.Server, error.Message, StringComparison.Ordinal);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_PostgresDatabaseMissing_CreatesItAndOpenAsyncThenWorks()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = server.ConnectionStringFor("shelf_create_" + RandomNumberGenerator.GetHexString(8, lowercase: true));
        var target = PostgresTarget(connectionString);
        try
        {
            var created = await TestLibrary.Database(target).CreateAsync(CancellationToken.None);
            var createdAgain = await TestLibrary.Database(target).CreateAsync(CancellationToken.None);
            await using var db = await DatabaseFixture.OpenAsync(target);

            Assert.True(created.Value);
            Assert.False(createdAgain.Value);
            var tables = await db.RowsAsync(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE '__EFMigrations%' ORDER BY table_name");
            Assert.Equal(PostgresLibraryTables, tables);
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task OpenAsync_PostgresDatabaseWithOtherTables_FailsWithNotALibrary()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("shelf_foreign");
        try
        {
            await using (var other = new NpgsqlConnection(connectionString))
            {
                await other.OpenAsync();
                await using var command = new NpgsqlCommand("CREATE TABLE customers (id int PRIMARY KEY, name text)", other);
                await command.ExecuteNonQueryAsync();
            }

            var opened = await TestLibrary.Database(PostgresTarget(connectionString)).OpenAsync(CancellationToken.None);

            AssertFailed(opened, ErrorKind.Invalid, "db.not_a_library");
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task OpenAsync_PostgresWrongPassword_FailsWithAuthFailedNamingTheServer()
    {
        var server = await PostgresServer.GetAsync();
        var builder = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Password = "not-the-password" };

        var opened = await TestLibrary.Database(PostgresTarget(builder.ConnectionString)).OpenAsync(CancellationToken.None);

        var error = AssertFailed(opened, ErrorKind.Unavailable, "db.auth_failed");
        Assert.Contains(server.Server, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_PostgresWrongPassword_FailsWithAuthFailedNamingTheServer()
    {
        var server = await PostgresServer.GetAsync();
        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionStringFor("shelf_never_created")) { Password = "not-the-password" };

        var created = await TestLibrary.Database(PostgresTarget(builder.ConnectionString)).CreateAsync(CancellationToken.None);

        var error = AssertFailed(created, ErrorKind.Unavailable, "db.auth_failed");
        Assert.Contains(server.Server, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_PostgresClosedPort_FailsWithUnreachableNamingTheServer()
    {
        var port = Network.FreeTcpPort();
        var target = PostgresTarget($"Host=127.0.0.1;Port={port};Database=library;Username=shelf;Password=secret;Timeout=5");

        var opened = await TestLibrary.Database(target).OpenAsync(CancellationToken.None);

        var error = AssertFailed(opened, ErrorKind.Unavailable, "db.unreachable");
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    private static DatabaseTarget PostgresTarget(string connectionString)
    {
        var resolved = DatabaseTarget.Resolve(connectionString, _ => null);
        Assert.True(resolved.IsSuccess, resolved.Error?.Message);
        return resolved.Value;
    }

    private static Error AssertFailed<T>(Result<T> result, ErrorKind kind, string code)
    {
        Assert.False(result.IsSuccess, $"expected {code}, but it succeeded");
        var error = result.Error!;
        Assert.Equal((kind, code), (error.Kind, error.Code));
        return error;
    }
}
