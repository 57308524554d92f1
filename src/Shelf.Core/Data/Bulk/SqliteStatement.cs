using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Shelf.Core.Data.Bulk;

/// <summary>
/// A prepared statement on SQLite's own API, for the bulk writers (catalog and sales import),
/// where ADO.NET's per-call cost (a data reader, parameter lookups and conversions for every
/// row) outweighs SQLite's work: they run these millions of times. Parameters are bound by
/// position (SQLite finds a named one by a linear search). Text is bound as UTF-16 and
/// converted by SQLite. Runs on the connection's open transaction.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = HandleOf(connection);
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Runs statements without results (a PRAGMA) on the connection's own handle.</summary>
    public static void Execute(SqliteConnection connection, string sql)
    {
        var db = HandleOf(connection);
        Check(db, raw.sqlite3_exec(db, sql));
    }

    private static sqlite3 HandleOf(SqliteConnection connection) =>
        connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");

    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index + 1));
        }
        else
        {
            Check(raw.sqlite3_bind_text16(_statement, index + 1, value.AsSpan()));
        }
    }

    /// <summary>Binds text already encoded as UTF-8, which SQLite stores as it is.</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_text(_statement, index + 1, value));

    public void Bind(int index, int? value)
    {
        if (value is { } number)
        {
            Check(raw.sqlite3_bind_int(_statement, index + 1, number));
        }
        else
        {
            Check(raw.sqlite3_bind_null(_statement, index + 1));
        }
    }

    public void Bind(int index, long? value)
    {
        if (value is { } number)
        {
            Check(raw.sqlite3_bind_int64(_statement, index + 1, number));
        }
        else
        {
            Check(raw.sqlite3_bind_null(_statement, index + 1));
        }
    }

    /// <summary>Runs the statement to its end (no rows expected) and makes it ready for the next values.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    /// <summary>Runs a query of one integer (an id), or returns null when it gives no row.</summary>
    public long? ExecuteScalar()
    {
        var rc = raw.sqlite3_step(_statement);
        long? value = rc == raw.SQLITE_ROW ? raw.sqlite3_column_int64(_statement, 0) : null;
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_ROW && rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }

        return value;
    }

    /// <summary>Runs a query of an integer and a text (an id and a name), or returns null when it gives no row.</summary>
    public (long Id, string Text)? ExecuteIdAndText()
    {
        var rc = raw.sqlite3_step(_statement);
        (long, string)? value = rc == raw.SQLITE_ROW ? (raw.sqlite3_column_int64(_statement, 0), raw.sqlite3_column_text(_statement, 1).utf8_to_string()) : null;
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_ROW && rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }

        return value;
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc) => Check(_db, rc);

    // The same exception Microsoft.Data.Sqlite throws, so DatabaseErrors turns a full disk into a
    // message and a UNIQUE or CHECK failure is recognised as EF's would be.
    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(db).utf8_to_string();
            throw new SqliteException($"SQLite Error {rc.ToString(CultureInfo.InvariantCulture)}: '{message}'.", rc, raw.sqlite3_extended_errcode(db));
        }
    }
}
