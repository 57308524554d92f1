using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MySql.Data.MySqlClient;
using Npgsql;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Catalog.Writing;
using Shelf.Core.Data.Bulk;

namespace Shelf.Core.Features.Backup;

/// <summary>A backup to restore; <see cref="Replace"/> lets it replace a library that is not empty.</summary>
public sealed record RestoreLibraryRequest(string Path)
{
    public bool Replace { get; init; }
}

/// <summary>What a restore put back, and what it replaced.</summary>
public sealed record RestoreSummary(string Path, BackupManifest Manifest, bool Replaced);

/// <summary>
/// Puts a backup's rows back into this library, from either database into either, in one
/// transaction: a library that is not empty is refused unless the request says to replace it;
/// rows keep their ids (so credits keep their order and sales their books); each table's row
/// count and checksum are checked twice, over the archive's lines as they are read and over the
/// rows read back out of the library before the commit, and any difference rolls everything back.
/// PostgreSQL's identity sequences are moved past the restored ids (MySQL's AUTO_INCREMENT moves
/// past an id inserted as it is), and the search index is built from the restored books.
/// </summary>
public sealed class RestoreLibrary(ShelfDbContext db, DatabaseTarget target)
{
    public async Task<Result<RestoreSummary>> ExecuteAsync(RestoreLibraryRequest request, CancellationToken cancellationToken)
    {
        var opened = await BackupArchive.OpenAsync(request.Path, db.Model, cancellationToken);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        using var archive = opened.Value;
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var quotes = await MySqlAnsiQuotes.OnAsync(db, cancellationToken);
        var tables = BackupTables.From(db.Model);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inTransaction = transaction.GetDbTransaction();

        var (occupied, books) = await TableRows.OccupancyAsync(connection, inTransaction, tables, cancellationToken);
        if (occupied && !request.Replace)
        {
            return Error.Conflict(
                BackupErrorCodes.NotEmpty,
                $"the library at {target.Location} is not empty ({books} books); a backup is restored into an empty library, or replaces everything in it");
        }

        var index = new BulkTriggers(db.Provider);
        try
        {
            // A large restore into PostgreSQL sets the book tables' indexes and foreign keys aside and
            // builds them once at the end, as a large import does; either way the search index is rebuilt once.
            var large = BulkLoadRule.Applies(archive.Manifest.Books, existingBooks: 0);
            var bulk = db.Provider == DatabaseProvider.Postgres && large ? new PostgresBulkLoad((NpgsqlConnection)connection) : null;
            var indexes = db.Provider == DatabaseProvider.Sqlite && large ? new SqliteIndexPause(connection, inTransaction) : null;
            if (db.Provider == DatabaseProvider.Sqlite)
            {
                // A table may refer to itself (a refund to its sale): foreign keys are checked at the commit.
                await TableRows.ExecuteAsync(connection, inTransaction, "PRAGMA defer_foreign_keys = ON", cancellationToken);
            }

            if (occupied)
            {
                await ClearAsync(connection, inTransaction, tables, cancellationToken);
            }

            if (indexes is not null)
            {
                await indexes.SetAsideAsync(tables, cancellationToken);
            }

            if (bulk is null)
            {
                await index.SetAsideAsync(connection, inTransaction, cancellationToken);
            }
            else
            {
                await bulk.SetAsideAsync(cancellationToken);
            }

            foreach (var (archived, table) in archive.Tables)
            {
                if (await RestoreTableAsync(archive, archived, table, cancellationToken) is { } damaged)
                {
                    return damaged;
                }
            }

            if (indexes is not null)
            {
                await indexes.RestoreAsync(cancellationToken);
            }

            if (await VerifyAsync(archive, connection, inTransaction, cancellationToken) is { } differs)
            {
                return differs;
            }

            if (db.Provider == DatabaseProvider.Postgres)
            {
                await ResetSequencesAsync(connection, inTransaction, tables, cancellationToken);

                // New rows have no planner statistics until autovacuum comes by: without them a
                // GROUP BY over a million credits guesses 200 groups and spills to disk.
                await TableRows.ExecuteAsync(connection, inTransaction, $"ANALYZE {string.Join(", ", tables.Select(t => TableRows.Quote(t.Name)))}", cancellationToken);
            }

            if (bulk is null)
            {
                await index.RebuildAsync(connection, inTransaction, cancellationToken);
            }
            else
            {
                await bulk.RestoreAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return BackupArchive.Damaged(archive.Path, e.Message);
        }
        catch (DbException e) when (RefusedRow(e))
        {
            return Error.Invalid(BackupErrorCodes.RowsRefused, $"the library refused a row of {archive.Path} ({UserText.Shorten(e.Message, 200)}); nothing was restored");
        }
        finally
        {
            // MySQL's triggers are set aside for the session: a restore that stops early turns them back on.
            await index.ResumeAfterFailureAsync(db.Database.GetDbConnection());
        }

        return new RestoreSummary(archive.Path, archive.Manifest, occupied);
    }

    private async Task<Error?> RestoreTableAsync(BackupArchive archive, BackupManifestTable archived, BackupTable table, CancellationToken cancellationToken)
    {
        using var codec = new RowCodec(table.Columns);
        var checksum = new TableChecksum();
        var connection = db.Database.GetDbConnection();
        await using var sink = db.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteRowSink((SqliteConnection)connection, table),
            DatabaseProvider.Postgres => await PostgresRowSink.StartAsync((NpgsqlConnection)connection, table, cancellationToken),
            _ => (IRowSink)new MySqlRowSink(db, table),
        };
        await using var entry = archive.OpenTable(table.Name);
        var lines = new ArchiveLines(entry);
        while (await lines.NextAsync(cancellationToken) is (true, var line))
        {
            var row = codec.Decode(line.Span);
            if (row is null)
            {
                return BackupArchive.Damaged(archive.Path, $"row {checksum.Rows + 1} of {table.Name} is not a row of that table");
            }

            checksum.Add(line.Span);
            await sink.AddAsync(row, cancellationToken);
        }

        if (checksum.Rows != archived.Rows || checksum.Value != archived.Checksum)
        {
            return BackupArchive.Damaged(archive.Path, $"{table.Name} holds {checksum.Rows} rows whose checksum is not the manifest's ({archived.Rows} rows)");
        }

        await sink.CompleteAsync(cancellationToken);
        return null;
    }

    // Read back out of the library, the rows must give the manifest's counts and checksums again.
    private static async Task<Error?> VerifyAsync(BackupArchive archive, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var (archived, table) in archive.Tables)
        {
            var restored = await TableRows.ChecksumAsync(connection, transaction, table, table.Columns, cancellationToken);
            if (restored.Rows != archived.Rows || restored.Value != archived.Checksum)
            {
                return Error.Unavailable(
                    BackupErrorCodes.Damaged,
                    $"the restored {table.Name} ({restored.Rows} rows) does not match the backup ({archived.Rows} rows); nothing was restored");
            }
        }

        return null;
    }

    private async Task ClearAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // CASCADE for the search index's table, which refers to books and is rebuilt after the rows.
            await TableRows.ExecuteAsync(connection, transaction, $"TRUNCATE {string.Join(", ", tables.Select(t => TableRows.Quote(t.Name)))} CASCADE", cancellationToken);
            return;
        }

        // Children first, so no delete waits on a row that refers to it. InnoDB checks a foreign key
        // at each row, not at the statement's end: within a table that refers to itself (a refund to
        // its sale) the later rows, which refer to earlier ones, go first.
        foreach (var table in tables.Reverse())
        {
            var order = db.Provider == DatabaseProvider.MySql ? $" ORDER BY {string.Join(", ", table.Key.Select(k => TableRows.Quote(k) + " DESC"))}" : string.Empty;
            await TableRows.ExecuteAsync(connection, transaction, $"DELETE FROM {TableRows.Quote(table.Name)}{order}", cancellationToken);
        }
    }

    // Rows came in with their ids: the next id a sequence hands out must be past them.
    private static async Task ResetSequencesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables.Where(t => t.Key.Count == 1))
        {
            var name = TableRows.Quote(table.Name);
            var key = TableRows.Quote(table.Key[0]);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT setval(s, coalesce((SELECT max({key}) FROM {name}), 0) + 1, false) FROM pg_get_serial_sequence(@table, @column) AS s WHERE s IS NOT NULL";
            command.Parameters.Add(new NpgsqlParameter("table", name));
            command.Parameters.Add(new NpgsqlParameter("column", table.Key[0]));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private const int MySqlCheckFailed = 3819;
    private const int MariaDbCheckFailed = 4025;

    // A row the schema's rules refuse (a CHECK, a key, a foreign key, a value too long), as opposed to the database failing.
    private static bool RefusedRow(DbException e) => e switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        PostgresException postgres => postgres.SqlState.StartsWith("22", StringComparison.Ordinal) || postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
        // The same SQLSTATE classes; a failed CHECK has its own number instead (MySQL 3819, MariaDB 4025).
        MySqlException mysql => mysql.SqlState is { } state && (state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("23", StringComparison.Ordinal))
            || mysql.Number is MySqlCheckFailed or MariaDbCheckFailed,
        _ => false,
    };
}
