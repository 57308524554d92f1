using Microsoft.Data.Sqlite;

namespace Shelf.Core.Data.Bulk;

/// <summary>
/// Inserts rows into one table many at a time: <c>INSERT ... VALUES (...), (...), ...</c> with a
/// statement prepared for a full batch. One statement per batch instead of per row cuts the
/// per-statement work (a step, a reset, and for AUTOINCREMENT tables an update of
/// sqlite_sequence) that otherwise outweighs the insert itself. Rows wait here until
/// <see cref="Flush"/>: the caller decides when, so that rows are written after the rows their
/// foreign keys point to, and before anything reads the table.
/// </summary>
internal sealed class SqliteBatchInsert : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _table;
    private readonly string _columns;
    private readonly int _width;
    private readonly int _rowsPerStatement;
    private readonly Value[] _values;
    private readonly SqliteStatement?[] _statements;

    /// <summary>Per statement, which parameters hold NULL from its last run: a reset keeps bindings, so those need no new call.</summary>
    private readonly bool[]?[] _boundNull;
    private int _rows;

    public SqliteBatchInsert(SqliteConnection connection, string table, IReadOnlyList<string> columns, int rowsPerStatement)
    {
        _connection = connection;
        _table = table;
        _columns = string.Join(", ", columns);
        _width = columns.Count;

        // SQLite allows 32766 parameters in a statement.
        _rowsPerStatement = Math.Min(rowsPerStatement, 32766 / _width);
        _values = new Value[_rowsPerStatement * _width];
        _statements = new SqliteStatement?[_rowsPerStatement + 1];
        _boundNull = new bool[]?[_rowsPerStatement + 1];
    }

    /// <summary>Sets a column of the row being added.</summary>
    public void Set(int column, string? value) => _values[(_rows * _width) + column] = new Value(value, 0, value is null ? Kind.Null : Kind.Text);

    /// <summary>Sets a text column from UTF-8 bytes.</summary>
    public void Set(int column, byte[]? utf8) => _values[(_rows * _width) + column] = new Value(null, 0, utf8 is null ? Kind.Null : Kind.Utf8, utf8);

    public void Set(int column, long? value) => _values[(_rows * _width) + column] = new Value(null, value ?? 0, value is null ? Kind.Null : Kind.Number);

    /// <summary>How many more rows fit before the batch must be written.</summary>
    public int Room => _rowsPerStatement - _rows;

    /// <summary>Ends the row being added. The caller writes the batch (<see cref="Flush"/>) before <see cref="Room"/> runs out.</summary>
    public void EndRow() => _rows++;

    /// <summary>Writes the rows waiting in the batch.</summary>
    public void Flush()
    {
        if (_rows == 0)
        {
            return;
        }

        var statement = _statements[_rows] ??= Prepare(_rows);
        var boundNull = _boundNull[_rows] ??= NewBindings(_rows * _width);

        // Most columns of most catalogs are empty: a million books are tens of millions of
        // NULLs, and each call into SQLite costs more than the insert's own handling of it.
        for (var i = 0; i < _rows * _width; i++)
        {
            var value = _values[i];
            switch (value.Kind)
            {
                case Kind.Text:
                    statement.Bind(i, value.Text);
                    break;
                case Kind.Number:
                    statement.Bind(i, (long?)value.Number);
                    break;
                case Kind.Utf8:
                    statement.BindUtf8(i, value.Utf8);
                    break;
                default:
                    if (!boundNull[i])
                    {
                        statement.Bind(i, (string?)null);
                    }

                    break;
            }

            boundNull[i] = value.Kind == Kind.Null;
            _values[i] = default;
        }

        _rows = 0;
        statement.Execute();
    }

    public void Dispose()
    {
        foreach (var statement in _statements)
        {
            statement?.Dispose();
        }
    }

    // A parameter never bound is NULL.
    private static bool[] NewBindings(int count)
    {
        var bindings = new bool[count];
        Array.Fill(bindings, true);
        return bindings;
    }

    private SqliteStatement Prepare(int rows)
    {
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", _width)) + ")";
        return new SqliteStatement(_connection, $"INSERT INTO {_table} ({_columns}) VALUES {string.Join(", ", Enumerable.Repeat(row, rows))}");
    }

    private enum Kind : byte
    {
        Null,
        Text,
        Number,
        Utf8,
    }

    private readonly record struct Value(string? Text, long Number, Kind Kind, byte[]? Utf8 = null);
}
