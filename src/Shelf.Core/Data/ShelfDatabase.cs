using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Shelf.Core.Common;

namespace Shelf.Core.Data;

/// <summary>
/// Opens the library at a <see cref="DatabaseTarget"/>: creates the SQLite file on first use,
/// applies pending migrations, and turns "cannot open" failures into one-line <see cref="Error"/>s.
/// </summary>
public static class ShelfDatabase
{
    /// <summary>
    /// Builds a context for the target without touching the database. It uses the compiled model
    /// (<c>Data/CompiledModels</c>, refreshed by <c>tools/update-compiled-models.sh</c>), which saves
    /// a one-shot command about 100 ms of model building.
    /// </summary>
    public static ShelfDbContext CreateContext(DatabaseTarget target) => target.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteShelfDb(new DbContextOptionsBuilder<SqliteShelfDb>()
            .UseSqlite(target.ConnectionString)
            .UseModel(SqliteModel.Value)
            .AddInterceptors(SqlitePragmas.Instance)
            .Options),
        DatabaseProvider.Postgres => new PostgresShelfDb(new DbContextOptionsBuilder<PostgresShelfDb>()
            .UseNpgsql(target.ConnectionString)
            .UseModel(PostgresModel.Value)
            .Options),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Provider, "unknown provider"),
    };

    // Found by name rather than referenced: tools/update-compiled-models.sh deletes the generated
    // classes and regenerates them, and this library must build while they are gone.
    private static readonly Lazy<IModel> SqliteModel = new(() => CompiledModel("Shelf.Core.Data.CompiledModels.Sqlite.SqliteShelfDbModel"));
    private static readonly Lazy<IModel> PostgresModel = new(() => CompiledModel("Shelf.Core.Data.CompiledModels.Postgres.PostgresShelfDbModel"));

    private static IModel CompiledModel(string typeName) =>
        typeof(ShelfDatabase).Assembly.GetType(typeName)?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IModel
        ?? throw new InvalidOperationException($"The compiled model {typeName} is missing; run tools/update-compiled-models.sh");

    /// <summary>
    /// Opens the library, creating and migrating it when needed. The returned context holds an
    /// open connection; dispose it when done.
    /// </summary>
    public static async Task<Result<ShelfDbContext>> OpenAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        if (target.Provider == DatabaseProvider.Sqlite && CheckSqlitePath(target) is { } pathError)
        {
            return pathError;
        }

        var db = CreateContext(target);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (await MigrateAsync(db, target, cancellationToken) is { } migrateError)
            {
                await db.DisposeAsync();
                return migrateError;
            }

            return db;
        }
        catch (Exception e) when (DatabaseErrors.Translate(e, target) is { } error)
        {
            await db.DisposeAsync();
            return error;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates the database when it is missing (for PostgreSQL, on the server; for SQLite, the
    /// file), then migrates it. Returns whether it had to be created.
    /// </summary>
    public static async Task<Result<bool>> CreateAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        var created = false;
        if (target.Provider == DatabaseProvider.Postgres)
        {
            await using var probe = CreateContext(target);
            var creator = probe.GetService<IRelationalDatabaseCreator>();
            try
            {
                if (!await creator.ExistsAsync(cancellationToken))
                {
                    await creator.CreateAsync(cancellationToken);
                    created = true;
                }
            }
            catch (Exception e) when (DatabaseErrors.Translate(e, target) is { } error)
            {
                return error;
            }
        }
        else
        {
            created = !File.Exists(target.FilePath);
        }

        var opened = await OpenAsync(target, cancellationToken);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        await opened.Value.DisposeAsync();
        return created;
    }

    private static Error? CheckSqlitePath(DatabaseTarget target)
    {
        var path = target.FilePath!;
        if (Directory.Exists(path))
        {
            return Error.Invalid("db.path_is_directory", $"{path} is a directory; give the path of a library file, e.g. {Path.Combine(path, "library.db")}");
        }

        var directory = Path.GetDirectoryName(path)!;
        if (Directory.Exists(directory))
        {
            return null;
        }

        if (target.IsDefaultLocation)
        {
            // The default file's folder is ours to make; a folder the user named is not.
            Directory.CreateDirectory(directory);
            return null;
        }

        return Error.Invalid("db.directory_missing", $"the folder {directory} does not exist; create it first or choose another path with --db");
    }

    private static async Task<Error?> MigrateAsync(ShelfDbContext db, DatabaseTarget target, CancellationToken cancellationToken)
    {
        var applied = await AppliedMigrationsAsync(db, cancellationToken);
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0 && unknown.Count == applied.Count)
        {
            // Another EF Core application's database: none of its migrations are ours.
            return Error.Invalid(
                "db.not_a_library",
                $"{target.Location} holds another application's tables, not a Shelf library; point --db at a Shelf library or a new file or database");
        }

        if (unknown.Count > 0)
        {
            return Error.Unavailable(
                "db.newer_schema",
                $"the library at {target.Location} was written by a newer Shelf (schema {unknown[^1]}); upgrade Shelf to open it");
        }

        if (applied.Count == known.Count)
        {
            return null;
        }

        if (applied.Count == 0 && await HasForeignTablesAsync(db, cancellationToken))
        {
            return Error.Invalid(
                "db.not_a_library",
                $"{target.Location} holds tables that are not a Shelf library; point --db at a Shelf library or a new file or database");
        }

        if (applied.Count == 0 && db.Provider == DatabaseProvider.Sqlite)
        {
            // Only before the first table is written. A book row with its extras is most of a 4 KB
            // page; 16 KB pages hold more of them and make the B-trees shallower: a large import
            // writes ~15% faster (bench/import.sh), and single-row commands do not notice.
            await db.Database.ExecuteSqlRawAsync("PRAGMA page_size = 16384;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers work while one writer writes; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        return null;
    }

    // EF's GetAppliedMigrationsAsync builds a model of the history table first, which costs more
    // than the rest of a one-shot command; two plain queries give the same list.
    private static async Task<List<string>> AppliedMigrationsAsync(ShelfDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = db.Provider == DatabaseProvider.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '__EFMigrationsHistory'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return [];
        }

        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
        var applied = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    private static async Task<bool> HasForeignTablesAsync(ShelfDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Provider == DatabaseProvider.Sqlite
            ? "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'"
            : "SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE '__EFMigrations%'";
        var count = await db.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken);
        return count > 0;
    }

}
