using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Sales;

/// <summary>One INSERT prepared once and run per row, inside the import's transaction.</summary>
internal sealed class SqliteSaleWriter : SaleBulkWriter
{
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter[] _values;

    public SqliteSaleWriter(ShelfDbContext db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        _insert = connection.CreateCommand();
        _insert.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk write needs the import's transaction.");
        var names = Columns.Split(", ");
        _values = [.. names.Select(name => _insert.Parameters.Add(new SqliteParameter("$" + name, null)))];
#pragma warning disable CA2100 // the text is built from our own constant column list, never from input
        _insert.CommandText = $"INSERT INTO sales ({Columns}) VALUES ({string.Join(", ", names.Select(n => "$" + n))})";
#pragma warning restore CA2100
        _insert.Prepare();
    }

    public override Task WriteAsync(IReadOnlyList<Sale> sales, CancellationToken cancellationToken)
    {
        // SQLite does its work on this thread either way; the synchronous call skips a Task per row.
        foreach (var sale in sales)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _values[0].Value = sale.OrderNumber;
            _values[1].Value = "sale";
            _values[2].Value = (object?)sale.BookId ?? DBNull.Value;
            _values[3].Value = sale.BookTitle;
            _values[4].Value = (object?)sale.BookIsbn13 ?? DBNull.Value;
            _values[5].Value = (object?)sale.BookAuthor ?? DBNull.Value;
            _values[6].Value = sale.Quantity;
            _values[7].Value = sale.UnitPriceMinor;
            _values[8].Value = sale.DiscountBasisPoints;
            _values[9].Value = sale.TotalMinor;
            _values[10].Value = sale.Currency;

            // Bound as "yyyy-MM-dd HH:mm:ss.FFFFFFF", the text EF writes and compares.
            _values[11].Value = sale.SoldAt;
            _values[12].Value = sale.RecordedAt;
            _insert.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync() => _insert.DisposeAsync();
}
