using Npgsql;
using Shelf.Core.Data;
using Shelf.Core.Data.Bulk;
using Shelf.Core.Features.Search;

namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// For a large import into a small PostgreSQL library: sets aside the foreign keys and secondary
/// indexes of the book tables and puts them back, built in one sorted pass and checked in one
/// join each, before the commit. Row by row, PostgreSQL runs a foreign-key query and a few
/// random index inserts for each of the million credits and ids of a big import; that is most
/// of its time. Everything happens inside the import's transaction, so a failed import leaves
/// the schema as it was, and a constraint the rows break fails the import when it is put back.
/// The price: dropping them locks the book tables, so other users' commands wait until the
/// import commits. Primary keys stay: ids are looked up by them during the import.
/// </summary>
internal sealed class PostgresBulkLoad(NpgsqlConnection connection)
{
    private const string Tables = "ARRAY['books', 'book_authors', 'book_identifiers', 'book_tags']::regclass[]";

    private readonly List<string> _restore = [];
    private readonly BulkTriggers _triggers = new(DatabaseProvider.Postgres);

    public bool Active => _restore.Count > 0;

    public async Task SetAsideAsync(CancellationToken cancellationToken)
    {
        // Sorting a million keys for an index build is much faster with room to do it in memory
        // (server memory, for this transaction only).
        await ExecuteAsync("SET LOCAL maintenance_work_mem = '256MB'", cancellationToken);

        // Dropping takes these locks anyway; taken first and explicitly, they are what the writer
        // counts on: until the commit, nobody else writes a book (or draws a book id).
        await ExecuteAsync("LOCK TABLE books, book_authors, book_identifiers, book_tags IN ACCESS EXCLUSIVE MODE", cancellationToken);

        // Indexes come back before the foreign keys: the unique ones are checked as they are built.
        var indexes = await ReadPairsAsync(
            $"""
            SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = ANY ({Tables}) AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY i.indexrelid::regclass::text
            """,
            cancellationToken);
        var foreignKeys = await ReadPairsAsync(
            $"""
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.conrelid = ANY ({Tables})
            ORDER BY c.conname
            """,
            cancellationToken);

        foreach (var (drop, _) in foreignKeys.Concat(indexes))
        {
            await ExecuteAsync(drop, cancellationToken);
        }

        _restore.AddRange(indexes.Select(i => i.Restore));
        _restore.AddRange(foreignKeys.Select(f => f.Restore));
        await _triggers.SetAsideAsync(connection, null, cancellationToken);
    }

    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        foreach (var sql in _restore)
        {
            await ExecuteAsync(sql, cancellationToken);
        }

        _restore.Clear();
        await _triggers.RebuildAsync(connection, null, cancellationToken);
    }

    private async Task<List<(string Drop, string Restore)>> ReadPairsAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pairs = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    }

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken) => connection.ExecuteUnboundedAsync(sql, cancellationToken);
}
