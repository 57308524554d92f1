using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shelf.Core.Data;
using Shelf.Core.Data.Bulk;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Sales;

/// <summary>
/// Binary COPY straight into <c>sales</c>, one COPY per batch: the connection must be free
/// between batches for the import's lookups. COPY runs inside the import's transaction, and the
/// table's CHECK, UNIQUE and foreign keys apply to it as to any insert. Values go in through
/// <see cref="PostgresCopy"/>, synchronously.
/// </summary>
internal sealed class PostgresSaleWriter(ShelfDbContext db) : SaleBulkWriter
{
    private readonly NpgsqlConnection _connection = (NpgsqlConnection)db.Database.GetDbConnection();

    public override async Task WriteAsync(IReadOnlyList<Sale> sales, CancellationToken cancellationToken)
    {
        await using var copy = await _connection.BeginCopyAsync($"COPY sales ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);

        foreach (var sale in sales)
        {
            cancellationToken.ThrowIfCancellationRequested();
            copy.StartRow();
            copy.Text(sale.OrderNumber);
            copy.Text("sale");
            copy.Integer(sale.BookId);
            copy.Text(sale.BookTitle);
            copy.Text(sale.BookIsbn13);
            copy.Text(sale.BookAuthor);
            copy.Integer(sale.Quantity);
            copy.Bigint(sale.UnitPriceMinor);
            copy.Integer(sale.DiscountBasisPoints);
            copy.Bigint(sale.TotalMinor);
            copy.Text(sale.Currency);
            copy.Moment(sale.SoldAt);
            copy.Moment(sale.RecordedAt);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    // Each batch's COPY is disposed with the batch; nothing else is held.
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
