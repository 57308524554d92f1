using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Shelf.Core.Data;
using Shelf.Core.Data.Bulk;

namespace Shelf.Core.Features.Backup;

/// <summary>Writes a restored table's rows, typed by <see cref="ColumnKind"/>, inside the restore's transaction.</summary>
internal interface IRowSink : IAsyncDisposable
{
    ValueTask AddAsync(object?[] row, CancellationToken cancellationToken);

    /// <summary>Writes what is still waiting; the table is complete after this.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>Batched multi-row INSERTs through SQLite's own statement API (<see cref="SqliteBatchInsert"/>), values stored as EF stores them.</summary>
internal sealed class SqliteRowSink(SqliteConnection connection, BackupTable table) : IRowSink
{
    private readonly SqliteBatchInsert _insert = new(connection, TableRows.Quote(table.Name), [.. table.Columns.Select(c => TableRows.Quote(c.Name))], rowsPerStatement: 200);

    public ValueTask AddAsync(object?[] row, CancellationToken cancellationToken)
    {
        for (var i = 0; i < row.Length; i++)
        {
            switch (row[i])
            {
                case null:
                    _insert.Set(i, (string?)null);
                    break;
                case string text:
                    _insert.Set(i, text);
                    break;
                case bool flag:
                    _insert.Set(i, flag ? 1L : 0L);
                    break;
                case DateTime moment:
                    _insert.Set(i, SqliteValues.Moment(moment));
                    break;
                case DateOnly day:
                    _insert.Set(i, SqliteValues.Day(day));
                    break;
                default:
                    _insert.Set(i, Convert.ToInt64(row[i], System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }

        _insert.EndRow();
        if (_insert.Room == 0)
        {
            _insert.Flush();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        _insert.Flush();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _insert.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Binary COPY into the table; its CHECKs, keys and foreign keys still apply.</summary>
internal sealed class PostgresRowSink : IRowSink
{
    private readonly NpgsqlBinaryImporter _copy;
    private readonly BackupTable _table;

    private PostgresRowSink(NpgsqlBinaryImporter copy, BackupTable table)
    {
        _copy = copy;
        _table = table;
    }

    public static async Task<PostgresRowSink> StartAsync(NpgsqlConnection connection, BackupTable table, CancellationToken cancellationToken)
    {
        // A large restore has set the foreign keys aside (PostgresBulkLoad), so the end of the COPY
        // does not check a million rows' references within the command's timeout.
        var copy = await connection.BeginBinaryImportAsync($"COPY {TableRows.Quote(table.Name)} ({TableRows.Columns(table.Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        return new PostgresRowSink(copy, table);
    }

    public async ValueTask AddAsync(object?[] row, CancellationToken cancellationToken)
    {
        await _copy.StartRowAsync(cancellationToken);
        for (var i = 0; i < row.Length; i++)
        {
            switch (row[i])
            {
                case null:
                    _copy.WriteNull();
                    break;
                case string text:
                    _copy.Write(text, NpgsqlDbType.Text);
                    break;
                case bool flag:
                    _copy.Write(flag, NpgsqlDbType.Boolean);
                    break;
                case DateTime moment:
                    _copy.Write(moment, NpgsqlDbType.TimestampTz);
                    break;
                case DateOnly day:
                    _copy.Write(day, NpgsqlDbType.Date);
                    break;
                case short small:
                    _copy.Write(small, NpgsqlDbType.Smallint);
                    break;
                case int number:
                    _copy.Write(number, NpgsqlDbType.Integer);
                    break;
                case long big:
                    _copy.Write(big, NpgsqlDbType.Bigint);
                    break;
                default:
                    throw new InvalidOperationException($"no COPY form for {row[i]!.GetType().Name} in {_table.Name}");
            }
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _copy.CompleteAsync(cancellationToken);
        await _copy.CloseAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _copy.DisposeAsync();
}

/// <summary>Multi-row INSERTs (<see cref="MySqlMultiRowInsert"/>) a batch of rows at a time; the table's CHECKs, keys and foreign keys apply.</summary>
internal sealed class MySqlRowSink(ShelfDbContext db, BackupTable table) : IRowSink
{
    private const int RowsPerBatch = 2_000;

    private readonly MySqlMultiRowInsert _insert = new(db, TableRows.Quote(table.Name), [.. table.Columns.Select(c => TableRows.Quote(c.Name))]);
    private readonly List<object?[]> _rows = [];

    public async ValueTask AddAsync(object?[] row, CancellationToken cancellationToken)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] is DateOnly day)
            {
                // A DATE as MySql.Data sends one (DateOnlyAsDateTime).
                row[i] = day.ToDateTime(TimeOnly.MinValue);
            }
        }

        _rows.Add(row);
        if (_rows.Count >= RowsPerBatch)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken) => await FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _insert.WriteAsync(_rows, cancellationToken);
        _rows.Clear();
    }
}
