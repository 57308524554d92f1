using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Sales;

/// <summary>
/// A sale as the user typed it. <see cref="Price"/> defaults to the book's list price; the
/// currency is <see cref="Currency"/>, else the list price's, else <see cref="DefaultCurrency"/>.
/// </summary>
public sealed record RecordSaleRequest(string Book, string? Quantity)
{
    public string? Price { get; init; }

    /// <summary>A fraction below 1 ("0.15") or a percentage ("15%"); empty for none.</summary>
    public string? Discount { get; init; }

    public string? Currency { get; init; }

    /// <summary>The user's own order number; null to have one made.</summary>
    public string? OrderNumber { get; init; }

    /// <summary>When the sale happened (2026-01-31, or ISO 8601 with a time); null for now.</summary>
    public string? SoldAt { get; init; }

    /// <summary>The host's default currency (the CLI reads <c>SHELF_CURRENCY</c>).</summary>
    public string DefaultCurrency { get; init; } = Domain.Currency.Fallback;
}

/// <summary>Records one sale of a book from the catalog, in one transaction.</summary>
public sealed class RecordSale(ShelfDbContext db, TimeProvider? clock = null)
{
    public async Task<Result<SaleView>> ExecuteAsync(RecordSaleRequest request, CancellationToken cancellationToken)
    {
        var now = SaleRules.Now(clock);
        var quantity = SaleRules.Quantity(request.Quantity);
        var discount = SaleRules.Discount(request.Discount);
        var orderNumber = SaleRules.OrderNumber(request.OrderNumber);
        var soldAt = SaleRules.SoldAt(request.SoldAt, now);
        if (Error.FirstOf(quantity.Error, discount.Error, orderNumber.Error, soldAt.Error) is { } invalid)
        {
            return invalid;
        }

        return await CheckThenWrite.RunAsync(
            db,
            async ct =>
            {
                var book = await SaleQueries.BookForSaleAsync(db, request.Book, ct);
                if (book is null)
                {
                    return BookErrors.NotFound(request.Book);
                }

                var price = SaleRules.UnitPrice(request.Price, request.Currency, request.DefaultCurrency, book);
                if (!price.IsSuccess)
                {
                    return price.Error!;
                }

                if (orderNumber.Value is { } given && await db.Sales.AnyAsync(s => s.OrderNumber == given, ct))
                {
                    return SaleErrors.OrderNumberTaken(given);
                }

                return Result<(BookForSale, Money)>.Ok((book, price.Value));
            },
            async (priced, ct) =>
            {
                var (book, price) = priced;
                var sale = book.Sell(quantity.Value, price, discount.Value, soldAt.Value, now, orderNumber.Value);
                db.Sales.Add(sale);
                await db.SaveChangesAsync(ct);
                return Result<SaleView>.Ok(SaleView.From(sale, refundOf: null));
            },

            // Checked again after a race, a given order number another writer took is reported as
            // taken; only a generated one can collide every time.
            SaleErrors.ConcurrentWrite,
            cancellationToken);
    }
}
