using Shelf.Core.Data;
using Shelf.Core.Data.Bulk;

namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// <see cref="NameIds"/> on MySQL and MariaDB: the batch's new names go in as multi-row INSERTs
/// with ON DUPLICATE KEY (MySQL has no ON CONFLICT DO NOTHING; updating the key to itself changes
/// nothing) and are read back by key, a chunk of keys per query. Under READ COMMITTED
/// (<see cref="MySqlReadCommitted"/>) the read sees a name another writer committed meanwhile.
/// </summary>
internal sealed class MySqlNameIds(ShelfDbContext db, NameIds.Kind kind) : NameIds(kind)
{
    /// <summary>Keys looked up by one query: far below the server's placeholder limit.</summary>
    private const int KeysPerQuery = 1_000;

    private readonly MySqlMultiRowInsert _insert = new(db, kind.Table, kind.Columns, " ON DUPLICATE KEY UPDATE name_key = name_key");

    protected override async Task<IReadOnlyList<(string Key, int Id, string Stored)>> FindOrCreateAsync(IReadOnlyCollection<string?[]> names, CancellationToken cancellationToken)
    {
        await _insert.WriteAsync([.. names.Select(n => (object?[])n)], cancellationToken);
        var found = new List<(string Key, int Id, string Stored)>(names.Count);
        foreach (var chunk in names.Select(n => n[0]!).Chunk(KeysPerQuery))
        {
            await using var read = MySqlCommands.Create(db, $"SELECT name_key, id, name FROM {Names.Table} WHERE name_key IN ({string.Join(", ", chunk.Select((_, i) => $"@k{i}"))})");
            for (var i = 0; i < chunk.Length; i++)
            {
                MySqlCommands.Add(read, $"@k{i}", chunk[i]);
            }

            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
            }
        }

        return found;
    }

    // Rare (a person first met in all capitals): one UPDATE each is cheap enough.
    protected override async Task RenameAsync(IReadOnlyList<(int Id, string?[] Values)> names, CancellationToken cancellationToken)
    {
        var columns = Names.Columns.Skip(1).ToArray();
        foreach (var (id, values) in names)
        {
            await using var rename = MySqlCommands.Create(db, $"UPDATE {Names.Table} SET {string.Join(", ", columns.Select((c, i) => $"{c} = @v{i}"))} WHERE id = @id");
            for (var i = 0; i < columns.Length; i++)
            {
                MySqlCommands.Add(rename, $"@v{i}", values[i + 1]);
            }

            MySqlCommands.Add(rename, "@id", id);
            await rename.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
