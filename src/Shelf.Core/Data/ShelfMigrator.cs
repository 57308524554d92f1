using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;

namespace Shelf.Core.Data;

/// <summary>
/// Brings one library's schema up to date, once per process: the first open checks the applied
/// migrations and applies what is missing; later opens in the same process skip the check. It
/// refuses a database that belongs to another application or to a newer Shelf.
/// </summary>
/// <remarks>
/// Registered as a singleton by <c>AddShelfCore</c>. Several processes may migrate the same
/// library at once: EF Core takes the database's migration lock, and the loser finds nothing left to apply.
/// </remarks>
public sealed class ShelfMigrator(DatabaseTarget target) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _current;

    /// <summary>True once this process has seen the schema up to date.</summary>
    public bool IsCurrent => _current;

    /// <summary>
    /// Migrates the library behind <paramref name="db"/> (an open context) unless this process
    /// already did; returns how many migrations it applied.
    /// </summary>
    public async Task<Result<int>> EnsureCurrentAsync(ShelfDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_current)
        {
            return 0;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current)
            {
                return 0;
            }

            var applied = await MigrateAsync(db, cancellationToken);
            _current = applied.IsSuccess;
            return applied;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// How many of this Shelf's migrations the library lacks; an error when it is not a library
    /// this Shelf can open. None lacking counts as seeing the schema up to date, so a host that
    /// checks instead of migrating (the web) asks the database once, not on every request.
    /// </summary>
    public async Task<Result<int>> PendingAsync(ShelfDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var state = await InspectAsync(db, cancellationToken);
        _current |= state.IsSuccess && state.Value.Pending == 0;
        return state.IsSuccess ? state.Value.Pending : state.Error!;
    }

    // What is applied and how much is missing, or why this is no library this Shelf may open.
    private async Task<Result<(int Applied, int Pending)>> InspectAsync(ShelfDbContext db, CancellationToken cancellationToken)
    {
        var applied = await AppliedMigrationsAsync(db, cancellationToken);
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        if (Refuse(applied, known) is { } refused)
        {
            return refused;
        }

        return (applied.Count, known.Count - applied.Count);
    }

    private async Task<Result<int>> MigrateAsync(ShelfDbContext db, CancellationToken cancellationToken)
    {
        var state = await InspectAsync(db, cancellationToken);
        if (!state.IsSuccess || state.Value.Pending == 0)
        {
            return state.IsSuccess ? 0 : state.Error!;
        }

        var (applied, pending) = state.Value;
        if (applied == 0 && await HasForeignTablesAsync(db, cancellationToken))
        {
            return Error.Invalid(
                DatabaseErrorCodes.NotALibrary,
                $"{target.Location} holds tables that are not a Shelf library; use a Shelf library or a new file or database");
        }

        if (applied == 0 && db.Provider == DatabaseProvider.Sqlite)
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

        return pending;
    }

    private Error? Refuse(List<string> applied, HashSet<string> known)
    {
        var unknown = applied.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0 && unknown.Count == applied.Count)
        {
            // Another EF Core application's database: none of its migrations are ours.
            return Error.Invalid(
                DatabaseErrorCodes.NotALibrary,
                $"{target.Location} holds another application's tables, not a Shelf library; use a Shelf library or a new file or database");
        }

        return unknown.Count > 0
            ? Error.Unavailable(
                DatabaseErrorCodes.NewerSchema,
                $"the library at {target.Location} was written by a newer Shelf (schema {unknown[^1]}); upgrade Shelf to open it")
            : null;
    }

    /// <summary>
    /// The migrations applied to the library behind <paramref name="db"/> (an open context), in id
    /// order. EF's GetAppliedMigrationsAsync builds a model of the history table first, which costs
    /// more than the rest of a one-shot command; two plain queries give the same list.
    /// </summary>
    internal static async Task<List<string>> AppliedMigrationsAsync(ShelfDbContext db, CancellationToken cancellationToken) =>
        await AppliedMigrationsAsync(await PlainConnection.OfAsync(db, cancellationToken), cancellationToken);

    /// <inheritdoc cref="AppliedMigrationsAsync(ShelfDbContext, CancellationToken)"/>
    internal static async Task<List<string>> AppliedMigrationsAsync(PlainConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(connection.Provider switch
        {
            DatabaseProvider.Sqlite => "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'",
            DatabaseProvider.MySql => "SELECT count(*) FROM information_schema.tables WHERE table_schema = database() AND table_name = '__EFMigrationsHistory'",
            _ => "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '__EFMigrationsHistory'",
        });
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return [];
        }

        command.CommandText = connection.Provider == DatabaseProvider.MySql
            ? "SELECT `MigrationId` FROM `__EFMigrationsHistory` ORDER BY `MigrationId`"
            : "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
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
        var sql = db.Provider switch
        {
            DatabaseProvider.Sqlite => "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'",
            DatabaseProvider.MySql => "SELECT CAST(count(*) AS SIGNED) AS Value FROM information_schema.tables WHERE table_schema = database() AND table_name NOT LIKE '\\_\\_EFMigrations%'",
            _ => "SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE '__EFMigrations%'",
        };
        var count = await db.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken);
        return count > 0;
    }
}
