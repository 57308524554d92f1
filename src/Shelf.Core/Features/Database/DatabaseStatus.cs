using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Database;

/// <summary>A table and how many rows it holds.</summary>
public sealed record TableInfo(string Name, long Rows);

/// <summary>Where the library is and what shape it is in.</summary>
public sealed record DatabaseStatus(
    string Provider,
    string Location,
    string ServerVersion,
    string? SchemaVersion,
    int PendingMigrations,
    long? FileBytes,
    IReadOnlyList<TableInfo> Tables);

/// <summary>Reports provider, location (never a password), schema version and row counts.</summary>
public sealed class GetDatabaseStatus(ShelfDbContext db, DatabaseTarget target)
{
    public async Task<DatabaseStatus> ExecuteAsync(CancellationToken cancellationToken)
    {
        // Plain queries rather than EF's history repository and SqlQueryRaw: each of those built a
        // model or compiled a query first, the most of what `db status` cost.
        var connection = await PlainConnection.OfAsync(db, cancellationToken);
        return await ReadAsync(connection, target, db.Database.GetMigrations(), cancellationToken);
    }

    /// <summary>The status of a SQLite library opened without EF, which knows its migrations from <see cref="SqliteMigrationIds"/>.</summary>
    public static Task<DatabaseStatus> ExecuteAsync(SqliteLibrary library, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        return ReadAsync(library.Connection, library.Target, SqliteMigrationIds.All, cancellationToken);
    }

    private static async Task<DatabaseStatus> ReadAsync(PlainConnection db, DatabaseTarget target, IEnumerable<string> known, CancellationToken cancellationToken)
    {
        var applied = await ShelfMigrator.AppliedMigrationsAsync(db, cancellationToken);
        var pending = known.Except(applied, StringComparer.Ordinal).Count();
        var version = db.Provider switch
        {
            DatabaseProvider.Sqlite => "SQLite " + await PlainSql.TextAsync(db, "SELECT sqlite_version()", cancellationToken),

            // MariaDB's version() says so ("10.11.6-MariaDB-0+deb12u1"); MySQL's is the number alone.
            DatabaseProvider.MySql => MySqlVersion(await PlainSql.TextAsync(db, "SELECT version()", cancellationToken)),
            _ => "PostgreSQL " + await PlainSql.TextAsync(db, "SELECT current_setting('server_version')", cancellationToken),
        };
        var tables = await ListTables.ReadAsync(db, cancellationToken);
        long? bytes = target.FilePath is { } path && File.Exists(path) ? new FileInfo(path).Length : null;
        return new DatabaseStatus(
            db.Provider switch { DatabaseProvider.Sqlite => "sqlite", DatabaseProvider.MySql => "mysql", _ => "postgres" },
            target.Location,
            version,
            applied.LastOrDefault(),
            pending,
            bytes,
            tables.Where(t => !t.Name.StartsWith("__EF", StringComparison.Ordinal)).ToList());
    }

    private static string MySqlVersion(string version) =>
        version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase) ? "MariaDB " + version.Split('-')[0] : "MySQL " + version;
}
