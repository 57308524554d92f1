using Shelf.Core.Data;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Sales;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Sales;

/// <summary>Books and sales made through the real use cases, failing the test if they refuse.</summary>
internal static class SaleTestData
{
    public static async Task<BookDetails> AddBookAsync(ShelfDbContext db, string title, string? price = null, string? isbn = null, string author = "Someone Else", string? currency = null)
    {
        var added = await new AddBook(db).ExecuteAsync(new AddBookRequest(title, [new AuthorCredit(author)]) { Price = price, Isbn = isbn, Currency = currency }, CancellationToken.None);
        Assert.True(added.IsSuccess, added.Error?.Message);
        return added.Value;
    }

    public static async Task<SaleView> RecordAsync(ShelfDbContext db, RecordSaleRequest request)
    {
        var recorded = await new RecordSale(db).ExecuteAsync(request, CancellationToken.None);
        Assert.True(recorded.IsSuccess, recorded.Error?.Message);
        return recorded.Value;
    }

    public static Task<SaleView> RecordAsync(ShelfDbContext db, int bookId, int quantity, string price, string? discount = null, string? soldAt = null) =>
        RecordAsync(db, new RecordSaleRequest(bookId.ToString(System.Globalization.CultureInfo.InvariantCulture), quantity.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Price = price,
            Discount = discount,
            SoldAt = soldAt,
        });

    public static async Task<SaleView> RefundAsync(ShelfDbContext db, string orderNumber, int? quantity = null, string? refundedAt = null)
    {
        var refunded = await new RefundSale(db).ExecuteAsync(
            new RefundSaleRequest(orderNumber) { Quantity = quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture), RefundedAt = refundedAt },
            CancellationToken.None);
        Assert.True(refunded.IsSuccess, refunded.Error?.Message);
        return refunded.Value;
    }

    /// <summary>Every ledger row, column by column, to prove a refused command changed nothing.</summary>
    public static Task<List<string>> LedgerAsync(ShelfDbContext db) =>
        db.RowsAsync(
            """
            SELECT id, order_number, kind, refund_of_sale_id, book_id, book_title, book_isbn13, book_author,
                   quantity, unit_price_minor, discount_basis_points, total_minor, currency, sold_at, recorded_at
            FROM sales ORDER BY id
            """);
}
