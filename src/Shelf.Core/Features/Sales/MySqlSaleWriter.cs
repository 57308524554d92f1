using Shelf.Core.Data;
using Shelf.Core.Data.Bulk;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Sales;

/// <summary>Multi-row INSERTs into <c>sales</c> on MySQL and MariaDB (<see cref="MySqlMultiRowInsert"/>).</summary>
internal sealed class MySqlSaleWriter(ShelfDbContext db) : SaleBulkWriter
{
    private readonly MySqlMultiRowInsert _insert = new(db, "sales", Columns.Split(", "));

    public override Task WriteAsync(IReadOnlyList<Sale> sales, CancellationToken cancellationToken) =>
        _insert.WriteAsync(
            [.. sales.Select(sale => new object?[]
            {
                sale.OrderNumber, "sale", sale.BookId, sale.BookTitle, sale.BookIsbn13, sale.BookAuthor, sale.Quantity,
                sale.UnitPriceMinor, sale.DiscountBasisPoints, sale.TotalMinor, sale.Currency, sale.SoldAt, sale.RecordedAt,
            })],
            cancellationToken);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
