using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using SQLitePCL;

namespace Shelf.Core.Features.Sales;

/// <summary>
/// One INSERT prepared once and run per row, inside the import's transaction, through SQLite's
/// own statement API. SQLite inserts a row with its indexes and CHECKs in about 4 µs; going
/// through <see cref="SqliteCommand"/> costs three times that again per row (a data reader per
/// execution, parameters bound by name), and multi-row statements make it worse, since SQLite
/// finds each named parameter by a linear search. Binding by position avoids both.
/// </summary>
internal sealed class SqliteSaleWriter : SaleBulkWriter
{
    private const int Done = 101; // SQLITE_DONE

    private readonly sqlite3 _handle;
    private readonly sqlite3_stmt _insert;

    public SqliteSaleWriter(ShelfDbContext db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A bulk write needs the import's transaction.");
        }

        // Read through reflection: Microsoft.Data.Sqlite is compiled against SQLitePCLRaw 2.1, and
        // C# refuses to name its members that use SQLitePCLRaw types while we reference 2.0.6. At
        // run time the shim loads 2.0.6 for both (STACK.md), so the object is our sqlite3.
        _handle = (sqlite3)typeof(SqliteConnection).GetProperty("Handle")!.GetValue(connection)!;
        var placeholders = string.Join(", ", Columns.Split(", ").Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)));
        // A bigger page cache for the import keeps the indexes' pages in memory instead of
        // spilling them to the WAL mid-transaction; DisposeAsync gives the pooled connection back
        // with the default.
        Check(raw.sqlite3_exec(_handle, "PRAGMA cache_size = -65536"));
        Check(raw.sqlite3_prepare_v2(_handle, $"INSERT INTO sales ({Columns}) VALUES ({placeholders})", out _insert));
    }

    public override Task WriteAsync(IReadOnlyList<Sale> sales, CancellationToken cancellationToken)
    {
        // SQLite does its work on this thread either way; synchronous calls skip a Task per row.
        foreach (var sale in sales)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Text(1, sale.OrderNumber);
            Text(2, "sale");
            Integer(3, sale.BookId);
            Text(4, sale.BookTitle);
            Text(5, sale.BookIsbn13);
            Text(6, sale.BookAuthor);
            Integer(7, sale.Quantity);
            Integer(8, sale.UnitPriceMinor);
            Integer(9, sale.DiscountBasisPoints);
            Integer(10, sale.TotalMinor);
            Text(11, sale.Currency);
            Text(12, Timestamp(sale.SoldAt));
            Text(13, Timestamp(sale.RecordedAt));
            var result = raw.sqlite3_step(_insert);
            raw.sqlite3_reset(_insert);
            if (result != Done)
            {
                Fail(result);
            }
        }

        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        _insert.Dispose();
        raw.sqlite3_exec(_handle, "PRAGMA cache_size = -2000");
        return ValueTask.CompletedTask;
    }

    // The text Microsoft.Data.Sqlite (and so EF) writes for a DateTime; queries compare it as text.
    private static string Timestamp(DateTime value) => value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private void Text(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_insert, index) : raw.sqlite3_bind_text(_insert, index, value));

    private void Integer(int index, long? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_insert, index) : raw.sqlite3_bind_int64(_insert, index, value.Value));

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            Fail(result);
        }
    }

    // The same SqliteException EF would raise, so callers recognise a UNIQUE or CHECK failure.
    private void Fail(int result) =>
        throw new SqliteException(
            $"SQLite Error {result.ToString(CultureInfo.InvariantCulture)}: '{raw.sqlite3_errmsg(_handle).utf8_to_string()}'.",
            result,
            raw.sqlite3_extended_errcode(_handle));
}
