using System.Data.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Backup;

/// <summary>
/// The SQL a backup and a restore run on a table; every name comes from the EF model, quoted in
/// the standard's double quotes (on MySQL inside <see cref="MySqlAnsiQuotes"/>).
/// </summary>
internal static class TableRows
{
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Columns(IEnumerable<BackupColumn> columns) => string.Join(", ", columns.Select(c => Quote(c.Name)));

    /// <summary>Every row in key order: parents' rows before the rows of a table that refers to itself (a refund after its sale).</summary>
    public static string Select(BackupTable table, IReadOnlyList<BackupColumn> columns) =>
        $"SELECT {Columns(columns)} FROM {Quote(table.Name)} ORDER BY {string.Join(", ", table.Key.Select(Quote))}";

    /// <summary>Adds every row of <paramref name="table"/> (in the given columns) to a checksum.</summary>
    public static async Task<TableChecksum> ChecksumAsync(DbConnection connection, DbTransaction? transaction, BackupTable table, IReadOnlyList<BackupColumn> columns, CancellationToken cancellationToken)
    {
        var checksum = new TableChecksum();
        await ReadAsync(connection, transaction, table, columns, line => checksum.Add(line), cancellationToken);
        return checksum;
    }

    /// <summary>Hands each row of the table, as its archive line, to <paramref name="row"/>.</summary>
    public static async Task ReadAsync(DbConnection connection, DbTransaction? transaction, BackupTable table, IReadOnlyList<BackupColumn> columns, RowAction row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Select(table, columns);
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        using var codec = new RowCodec(columns);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(codec.Encode(reader));
        }
    }

    /// <summary>Whether any of the tables holds a row, and how many books.</summary>
    public static async Task<(bool Any, long Books)> OccupancyAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var table in tables)
        {
            any |= await ScalarAsync(connection, transaction, $"SELECT CASE WHEN EXISTS (SELECT 1 FROM {Quote(table.Name)}) THEN 1 ELSE 0 END", cancellationToken) == 1;
        }

        var books = tables.Any(t => t.Name == "books") ? await ScalarAsync(connection, transaction, "SELECT count(*) FROM books", cancellationToken) : 0;
        return (any, books);
    }

    public static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The newest migration the database has applied, read in the caller's snapshot.</summary>
    public static async Task<string?> SchemaVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1";
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public static string ProviderName(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.Postgres => "postgres",
        _ => "mysql",
    };
}

/// <summary>Receives one archive line (valid only during the call).</summary>
internal delegate void RowAction(ReadOnlySpan<byte> line);
