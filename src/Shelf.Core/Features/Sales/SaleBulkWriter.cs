using Shelf.Core.Data;
using Shelf.Core.Data.Bulk;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Sales;

/// <summary>
/// Writes many new sales inside the context's open transaction without EF's change tracker,
/// which would cost more than the insert itself: SQLite reuses one prepared INSERT, PostgreSQL
/// streams binary COPY, MySQL sends multi-row INSERTs.
/// </summary>
internal abstract class SaleBulkWriter : IAsyncDisposable
{
    /// <summary>The columns written, in order; the id comes from the database.</summary>
    protected const string Columns =
        "order_number, kind, book_id, book_title, book_isbn13, book_author, quantity, unit_price_minor, discount_basis_points, total_minor, currency, sold_at, recorded_at";

    public static SaleBulkWriter Create(ShelfDbContext db) =>
        BulkProvider.Choose<SaleBulkWriter>(db, static d => new SqliteSaleWriter(d), static d => new PostgresSaleWriter(d), static d => new MySqlSaleWriter(d));

    /// <summary>Inserts the sales (always of kind <see cref="SaleKind.Sale"/>).</summary>
    public abstract Task WriteAsync(IReadOnlyList<Sale> sales, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
