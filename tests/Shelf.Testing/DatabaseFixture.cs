using Shelf.Core.Data;
using Xunit;

namespace Shelf.Testing;

/// <summary>
/// One library database per test class, on one provider. Scenario tests are written once as an
/// abstract class taking a <see cref="DatabaseFixture"/>, with a sealed subclass per provider:
/// <code>
/// public abstract class AddBookTests(DatabaseFixture db)
/// {
///     [Fact] public async Task ...() { await using var context = await db.OpenAsync(); ... }
///
///     public sealed class Sqlite(SqliteDatabaseFixture db) : AddBookTests(db), IClassFixture&lt;SqliteDatabaseFixture&gt;;
///     public sealed class Postgres(PostgresDatabaseFixture db) : AddBookTests(db), IClassFixture&lt;PostgresDatabaseFixture&gt;;
/// }
/// </code>
/// Tests that need a database to themselves call <see cref="NewDatabaseAsync"/>.
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private DatabaseTarget? _target;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The class's shared database; created empty, migrated by the first <see cref="OpenAsync(CancellationToken)"/>.</summary>
    public DatabaseTarget Target => _target ?? throw new InvalidOperationException("The fixture has not been initialized by xunit yet.");

    /// <summary>Opens (and on first use migrates) the class's shared database.</summary>
    public Task<ShelfDbContext> OpenAsync(CancellationToken cancellationToken = default) => OpenAsync(Target, cancellationToken);

    /// <summary>Opens a library through the composed core (<see cref="TestLibrary"/>), throwing when it reports an error.</summary>
    public static async Task<ShelfDbContext> OpenAsync(DatabaseTarget target, CancellationToken cancellationToken = default)
    {
        var opened = await TestLibrary.Database(target).OpenAsync(cancellationToken);
        return opened.IsSuccess
            ? opened.Value
            : throw new InvalidOperationException($"Opening {target.Location} failed: {opened.Error!.Code}: {opened.Error.Message}");
    }

    /// <summary>
    /// A new database for one test alone, empty and not migrated (for SQLite, a file path that
    /// does not exist yet). It is removed with the fixture.
    /// </summary>
    public abstract Task<DatabaseTarget> NewDatabaseAsync(CancellationToken cancellationToken = default);

    /// <summary>Opens a fresh, migrated database for one test alone.</summary>
    public async Task<ShelfDbContext> OpenNewAsync(CancellationToken cancellationToken = default) =>
        await OpenAsync(await NewDatabaseAsync(cancellationToken), cancellationToken);

    public virtual async Task InitializeAsync() => _target = await NewDatabaseAsync();

    public abstract Task DisposeAsync();
}

/// <summary>Library files in temp directories of their own.</summary>
public sealed class SqliteDatabaseFixture : DatabaseFixture
{
    private readonly List<SqliteTestFile> _files = [];
    private readonly Lock _filesLock = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task<DatabaseTarget> NewDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var file = new SqliteTestFile();
        lock (_filesLock)
        {
            _files.Add(file);
        }

        return Task.FromResult(file.Target);
    }

    public override Task DisposeAsync()
    {
        lock (_filesLock)
        {
            foreach (var file in _files)
            {
                file.Dispose();
            }

            _files.Clear();
        }

        return Task.CompletedTask;
    }
}

/// <summary>Fresh databases on the shared <see cref="PostgresServer"/>.</summary>
public sealed class PostgresDatabaseFixture : DatabaseFixture
{
    private readonly List<string> _databases = [];
    private readonly Lock _databasesLock = new();
    private PostgresServer? _server;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    /// <summary>The server the databases live on.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture has not been initialized by xunit yet.");

    public override async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        await base.InitializeAsync();
    }

    public override async Task<DatabaseTarget> NewDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var connectionString = await Server.CreateDatabaseAsync("shelf_test", cancellationToken);
        lock (_databasesLock)
        {
            _databases.Add(connectionString);
        }

        var target = DatabaseTarget.Resolve(connectionString, _ => null);
        return target.IsSuccess
            ? target.Value
            : throw new InvalidOperationException($"DatabaseTarget refused a test connection string: {target.Error!.Message}");
    }

    public override async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        string[] databases;
        lock (_databasesLock)
        {
            databases = [.. _databases];
            _databases.Clear();
        }

        foreach (var connectionString in databases)
        {
            await _server.DropDatabaseAsync(connectionString);
        }
    }
}

/// <summary>Fresh utf8mb4 databases on the shared private <see cref="MariaDbServer"/>; they go with the server at exit.</summary>
public sealed class MySqlDatabaseFixture : DatabaseFixture
{
    private MariaDbServer? _server;

    public override DatabaseProvider Provider => DatabaseProvider.MySql;

    public MariaDbServer Server => _server ?? throw new InvalidOperationException("The fixture has not been initialized by xunit yet.");

    public override async Task InitializeAsync()
    {
        _server = await MariaDbServer.GetAsync();
        await base.InitializeAsync();
    }

    public override async Task<DatabaseTarget> NewDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var address = await Server.CreateDatabaseAsync("shelf_test", cancellationToken);
        var target = DatabaseTarget.Resolve(address, _ => null);
        return target.IsSuccess
            ? target.Value
            : throw new InvalidOperationException($"DatabaseTarget refused a test address: {target.Error!.Message}");
    }

    // The whole server is removed when the test process exits; a class's databases need no drop before that.
    public override Task DisposeAsync() => Task.CompletedTask;
}
