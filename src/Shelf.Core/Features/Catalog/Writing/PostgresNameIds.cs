using Npgsql;
using NpgsqlTypes;
using Shelf.Core.Data.Bulk;

namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// The ids of people or shelves by their keys, for a batch of new books: keys seen before in
/// this import come from memory; the rest are copied into a small temporary table, created
/// with ON CONFLICT DO NOTHING (another writer adding the same person at the same time does
/// not fail the import; the first spelling names them) and read back in one query.
/// </summary>
internal sealed class PostgresNameIds(NpgsqlConnection connection, PostgresNameIds.Kind kind)
{
    /// <summary>Keys remembered at most: a catalog's people repeat, but memory must stay flat however many there are.</summary>
    private const int MaxRemembered = 200_000;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?[]> _missing = new(StringComparer.Ordinal);
    private bool _stagingCreated;

    /// <summary>Where names of one kind live and what a new one is made of.</summary>
    internal sealed record Kind(string Table, string Staging, string[] Columns);

    public static Kind Authors { get; } = new("authors", "shelf_import_authors", ["name_key", "name", "sort_name", "first_name", "last_name"]);

    public static Kind Tags { get; } = new("tags", "shelf_import_tags", ["name_key", "name"]);

    /// <summary>Notes a name the batch uses; <paramref name="values"/> are the columns of <see cref="Kind.Columns"/>, the key first.</summary>
    public void Need(string?[] values)
    {
        if (!_ids.ContainsKey(values[0]!))
        {
            _missing.TryAdd(values[0]!, values);
        }
    }

    /// <summary>The id of a name passed to <see cref="Need"/> before the last <see cref="ResolveAsync"/>.</summary>
    public int this[string key] => _ids[key];

    /// <summary>Finds or creates every name needed since the last call. No COPY may be open on the connection.</summary>
    public async Task ResolveAsync(CancellationToken cancellationToken)
    {
        if (_missing.Count == 0)
        {
            return;
        }

        var columns = string.Join(", ", kind.Columns);
        if (!_stagingCreated)
        {
            await ExecuteAsync($"CREATE TEMP TABLE {kind.Staging} ({string.Join(", ", kind.Columns.Select(c => c + " text"))}) ON COMMIT DROP", cancellationToken);
            _stagingCreated = true;
        }

        await using (var copy = await connection.BeginCopyAsync($"COPY {kind.Staging} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var values in _missing.Values)
            {
                await copy.StartRowAsync(cancellationToken);
                foreach (var value in values)
                {
                    if (value is null)
                    {
                        await copy.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
                    }
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync($"INSERT INTO {kind.Table} ({columns}) SELECT {columns} FROM {kind.Staging} ON CONFLICT (name_key) DO NOTHING", cancellationToken);
        await using (var read = new NpgsqlCommand($"SELECT t.name_key, t.id FROM {kind.Table} t JOIN {kind.Staging} s ON s.name_key = t.name_key", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                _ids[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        await ExecuteAsync($"TRUNCATE {kind.Staging}", cancellationToken);
        _missing.Clear();
    }

    /// <summary>Called once the batch is written: forgets every id when too many are remembered.</summary>
    public void EndBatch()
    {
        if (_ids.Count > MaxRemembered)
        {
            _ids.Clear();
        }
    }

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken) => connection.ExecuteUnboundedAsync(sql, cancellationToken);
}
