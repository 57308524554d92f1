using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Shelf.Core.Common;

namespace Shelf.Core.Data;

/// <summary>
/// Opens the library at one <see cref="DatabaseTarget"/>: checks a SQLite path before SQLite
/// creates a file there, opens the connection, has the <see cref="ShelfMigrator"/> bring the
/// schema up to date (once per process, when <see cref="ShelfCoreOptions.MigrateOnOpen"/>), and
/// turns "cannot open" failures into one-line <see cref="Error"/>s.
/// </summary>
public sealed class ShelfDatabase(ShelfDbContextFactory contexts, ShelfMigrator migrator, ShelfCoreOptions options)
{
    /// <summary>The library this opens.</summary>
    public DatabaseTarget Target => contexts.Target;

    /// <summary>
    /// Makes <paramref name="db"/> ready for use cases: its connection open (and held, so a
    /// command's statements share it) and the schema current. The context stays the caller's.
    /// </summary>
    public async Task<Error?> PrepareAsync(ShelfDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Target.Provider == DatabaseProvider.Sqlite && CheckSqlitePath() is { } pathError)
        {
            return pathError;
        }

        if (Target.Provider == DatabaseProvider.Sqlite && SqliteReadOnlyAccess.ConnectionStringFor(Target.FilePath!, Target.ConnectionString) is { } readOnly)
        {
            db.Database.SetConnectionString(readOnly);
        }

        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (migrator.IsCurrent)
            {
                return null;
            }

            return options.MigrateOnOpen
                ? (await migrator.EnsureCurrentAsync(db, cancellationToken)).Error
                : await RequireCurrentAsync(db, cancellationToken);
        }
        catch (Exception e) when (DatabaseErrors.Translate(e, Target) is { } error)
        {
            return error;
        }
    }

    /// <summary>A new context, prepared as <see cref="PrepareAsync"/> does; dispose it when done.</summary>
    public async Task<Result<ShelfDbContext>> OpenAsync(CancellationToken cancellationToken)
    {
        var db = contexts.CreateDbContext();
        try
        {
            if (await PrepareAsync(db, cancellationToken) is { } error)
            {
                await db.DisposeAsync();
                return error;
            }

            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates the database when it is missing (for PostgreSQL and MySQL, on the server, MySQL's in
    /// utf8mb4; for SQLite, the file), then migrates it. Returns whether it had to be created.
    /// </summary>
    public async Task<Result<bool>> CreateAsync(CancellationToken cancellationToken)
    {
        var created = false;
        if (Target.Provider == DatabaseProvider.Postgres)
        {
            await using var probe = contexts.CreateDbContext();
            var creator = probe.GetService<IRelationalDatabaseCreator>();
            try
            {
                if (!await creator.ExistsAsync(cancellationToken))
                {
                    await creator.CreateAsync(cancellationToken);
                    created = true;
                }
            }
            catch (Exception e) when (DatabaseErrors.Translate(e, Target) is { } error)
            {
                return error;
            }
        }
        else if (Target.Provider == DatabaseProvider.MySql)
        {
            try
            {
                created = await MySqlDatabases.CreateAsync(Target, cancellationToken);
            }
            catch (Exception e) when (DatabaseErrors.Translate(e, Target) is { } error)
            {
                return error;
            }
        }
        else
        {
            created = !File.Exists(Target.FilePath);
        }

        var migrated = await MigrateAsync(cancellationToken);
        if (!migrated.IsSuccess)
        {
            return migrated.Error!;
        }

        return created;
    }

    /// <summary>Applies the migrations the library lacks, whatever <see cref="ShelfCoreOptions.MigrateOnOpen"/> says; returns how many.</summary>
    public async Task<Result<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        if (Target.Provider == DatabaseProvider.Sqlite && CheckSqlitePath() is { } pathError)
        {
            return pathError;
        }

        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return await migrator.EnsureCurrentAsync(db, cancellationToken);
        }
        catch (Exception e) when (DatabaseErrors.Translate(e, Target) is { } error)
        {
            return error;
        }
    }

    // A host that migrates on its own schedule (a web app at start-up) must not serve a library
    // whose schema lags behind this code.
    private async Task<Error?> RequireCurrentAsync(ShelfDbContext db, CancellationToken cancellationToken)
    {
        var pending = await migrator.PendingAsync(db, cancellationToken);
        if (!pending.IsSuccess)
        {
            return pending.Error;
        }

        return pending.Value == 0
            ? null
            : Error.Unavailable(
                DatabaseErrorCodes.NeedsMigration,
                $"the library at {Target.Location} lacks {pending.Value} of this Shelf's schema changes; migrate it first");
    }

    private Error? CheckSqlitePath()
    {
        var path = Target.FilePath!;
        if (Directory.Exists(path))
        {
            return Error.Invalid(DatabaseErrorCodes.PathIsDirectory, $"{path} is a directory; give the path of a library file, e.g. {Path.Combine(path, "library.db")}");
        }

        var directory = Path.GetDirectoryName(path)!;
        if (Directory.Exists(directory))
        {
            return null;
        }

        if (Target.IsDefaultLocation)
        {
            // The default file's folder is ours to make; a folder the user named is not.
            Directory.CreateDirectory(directory);
            return null;
        }

        return Error.Invalid(DatabaseErrorCodes.DirectoryMissing, $"the folder {directory} does not exist; create it first or choose another path");
    }
}
