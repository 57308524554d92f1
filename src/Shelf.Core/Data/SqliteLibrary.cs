using Microsoft.Data.Sqlite;

namespace Shelf.Core.Data;

/// <summary>
/// A SQLite library opened without EF Core, for a one-shot command whose work is plain SQL:
/// building EF's services and model costs such a command about twice what the rest of it does
/// (bench/startup.sh). It opens only a library that is already current, with the same pragmas
/// and read-only handling as the EF path; anything else (no file yet, a schema to migrate, a file
/// that is not a library, a failure to open) is left to <see cref="ShelfDatabase"/>, which says
/// what is wrong in its own words or migrates.
/// </summary>
public sealed class SqliteLibrary : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteLibrary(DatabaseTarget target, SqliteConnection connection)
    {
        Target = target;
        _connection = connection;
    }

    /// <summary>The library this is.</summary>
    public DatabaseTarget Target { get; }

    /// <summary>The open connection, outside any transaction.</summary>
    internal PlainConnection Connection => new(_connection, null, DatabaseProvider.Sqlite);

    /// <summary>
    /// The library at <paramref name="target"/> opened, or null when it is no SQLite file this can
    /// open as it is: the caller then opens it through <see cref="ShelfDatabase"/>.
    /// </summary>
    public static async Task<SqliteLibrary?> TryOpenAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Provider != DatabaseProvider.Sqlite || !File.Exists(target.FilePath))
        {
            return null;
        }

        var connection = new SqliteConnection(SqliteReadOnlyAccess.ConnectionStringFor(target.FilePath!, target.ConnectionString) ?? target.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = SqlitePragmas.Pragmas;
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            var applied = await ShelfMigrator.AppliedMigrationsAsync(new PlainConnection(connection, null, DatabaseProvider.Sqlite), cancellationToken);
            if (applied.SequenceEqual(SqliteMigrationIds.All, StringComparer.Ordinal))
            {
                return new SqliteLibrary(target, connection);
            }
        }
        catch (SqliteException)
        {
            // Not readable as a library as it is: the EF path reports why, in its words.
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A write transaction (SQLite's BEGIN IMMEDIATE: the write lock from the start) and the connection in it.</summary>
    internal async Task<(SqliteTransaction Transaction, PlainConnection Connection)> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
        return (transaction, new PlainConnection(_connection, transaction, DatabaseProvider.Sqlite));
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
