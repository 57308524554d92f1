using System.Data.Common;

namespace Shelf.Core.Features.Backup;

/// <summary>
/// For a large restore into SQLite: drops the secondary indexes of the restored tables and builds
/// each again in one sorted pass after the rows, inside the restore's transaction (as a large
/// import does with its random-order indexes). A unique index the rows break fails when it is
/// built, which fails the restore. The indexes SQLite makes for keys and UNIQUE constraints have
/// no SQL and stay.
/// </summary>
internal sealed class SqliteIndexPause(DbConnection connection, DbTransaction transaction)
{
    private readonly List<string> _dropped = [];

    public async Task SetAsideAsync(IEnumerable<BackupTable> tables, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", tables.Select(t => "'" + t.Name.Replace("'", "''", StringComparison.Ordinal) + "'"));
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names}) ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, sql) in indexes)
        {
            await TableRows.ExecuteAsync(connection, transaction, $"DROP INDEX {TableRows.Quote(name)}", cancellationToken);
            _dropped.Add(sql);
        }

        // Room to sort each index's keys in memory, for this connection only.
        await TableRows.ExecuteAsync(connection, transaction, "PRAGMA cache_size = -262144", cancellationToken);
    }

    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        foreach (var sql in _dropped)
        {
            await TableRows.ExecuteAsync(connection, transaction, sql, cancellationToken);
        }

        _dropped.Clear();
        await TableRows.ExecuteAsync(connection, transaction, "PRAGMA cache_size = -2000", cancellationToken);
    }
}
