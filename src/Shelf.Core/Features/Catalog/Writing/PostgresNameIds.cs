using Npgsql;
using NpgsqlTypes;
using Shelf.Core.Data.Bulk;

namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// <see cref="NameIds"/> on PostgreSQL: the batch's new names are copied into a small temporary
/// table, inserted from it with ON CONFLICT DO NOTHING and read back in one query.
/// </summary>
internal sealed class PostgresNameIds(NpgsqlConnection connection, NameIds.Kind kind) : NameIds(kind)
{
    private bool _stagingCreated;

    protected override async Task<IReadOnlyList<(string Key, int Id, string Stored)>> FindOrCreateAsync(IReadOnlyCollection<string?[]> names, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", Names.Columns);
        if (!_stagingCreated)
        {
            await ExecuteAsync($"CREATE TEMP TABLE {Names.Staging} ({string.Join(", ", Names.Columns.Select(c => c + " text"))}) ON COMMIT DROP", cancellationToken);
            _stagingCreated = true;
        }
        else
        {
            // The last batch's names stayed for its renames.
            await ExecuteAsync($"TRUNCATE {Names.Staging}", cancellationToken);
        }

        await using (var copy = await connection.BeginCopyAsync($"COPY {Names.Staging} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var values in names)
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

        await ExecuteAsync($"INSERT INTO {Names.Table} ({columns}) SELECT {columns} FROM {Names.Staging} ON CONFLICT (name_key) DO NOTHING", cancellationToken);
        var found = new List<(string Key, int Id, string Stored)>(names.Count);
        await using var read = new NpgsqlCommand($"SELECT t.name_key, t.id, t.name FROM {Names.Table} t JOIN {Names.Staging} s ON s.name_key = t.name_key", connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add((reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
        }

        return found;
    }

    protected override async Task RenameAsync(IReadOnlyList<(int Id, string?[] Values)> names, CancellationToken cancellationToken)
    {
        var set = string.Join(", ", Names.Columns.Skip(1).Select(c => $"{c} = s.{c}"));
        await using var rename = new NpgsqlCommand($"UPDATE {Names.Table} t SET {set} FROM {Names.Staging} s WHERE s.name_key = t.name_key AND t.id = ANY(@ids)", connection) { CommandTimeout = 0 };
        rename.Parameters.AddWithValue("ids", names.Select(n => n.Id).ToArray());
        await rename.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken) => connection.ExecuteUnboundedAsync(sql, cancellationToken);
}
