using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Sales;

/// <summary>A refund of copies of a sale; <see cref="Quantity"/> null refunds every copy not yet refunded.</summary>
public sealed record RefundSaleRequest(string Reference)
{
    public string? Quantity { get; init; }

    /// <summary>When the refund happened; null for now.</summary>
    public string? RefundedAt { get; init; }
}

/// <summary>
/// Records a refund as a ledger row of its own, linked to the sale; the sale's row is never
/// changed. Refunding more copies than were sold minus earlier refunds is a conflict.
/// </summary>
public sealed class RefundSale(ShelfDbContext db, TimeProvider? clock = null)
{
    public async Task<Result<SaleView>> ExecuteAsync(RefundSaleRequest request, CancellationToken cancellationToken)
    {
        var now = SaleRules.Now(clock);
        var refundedAt = SaleRules.SoldAt(request.RefundedAt, now);
        var asked = request.Quantity is null ? default : SaleRules.Quantity(request.Quantity);
        if (Error.FirstOf(refundedAt.Error, asked.Error) is { } invalid)
        {
            return invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = await SaleQueries.ResolveIdAsync(db, request.Reference, cancellationToken);
        if (id is null)
        {
            return SaleErrors.NotFound(request.Reference);
        }

        await SaleQueries.LockAsync(db, id.Value, cancellationToken);
        var sale = await db.Sales.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        if (sale.Kind == SaleKind.Refund)
        {
            return Error.Invalid(SaleErrorCodes.RefundOfRefund, $"{sale.OrderNumber} is itself a refund; refund the sale it belongs to");
        }

        var (refundedQuantity, refundedMinor) = await SaleQueries.RefundedAsync(db, sale.Id, cancellationToken);
        var left = sale.Quantity - refundedQuantity;
        if (left == 0)
        {
            return Error.Conflict(SaleErrorCodes.FullyRefunded, $"all {sale.Quantity} copies of sale {sale.OrderNumber} have already been refunded");
        }

        var quantity = request.Quantity is null ? left : asked.Value;
        if (quantity > left)
        {
            return Error.Conflict(
                SaleErrorCodes.RefundTooMany,
                $"sale {sale.OrderNumber} sold {sale.Quantity} and {refundedQuantity} were refunded already, so at most {left} can be refunded, not {quantity}");
        }

        var refund = new Sale
        {
            OrderNumber = OrderNumber.NewRefund(),
            Kind = SaleKind.Refund,
            RefundOfSaleId = sale.Id,
            BookId = sale.BookId,
            BookTitle = sale.BookTitle,
            BookIsbn13 = sale.BookIsbn13,
            BookAuthor = sale.BookAuthor,
            Quantity = quantity,
            UnitPriceMinor = sale.UnitPriceMinor,
            DiscountBasisPoints = sale.DiscountBasisPoints,
            TotalMinor = SaleMath.RefundTotal(quantity, refundedQuantity, refundedMinor, sale.UnitPriceMinor, sale.Discount),
            Currency = sale.Currency,
            SoldAt = refundedAt.Value,
            RecordedAt = now,
        };
        db.Sales.Add(refund);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return SaleErrors.ConcurrentWrite();
        }

        await transaction.CommitAsync(cancellationToken);
        return SaleView.From(refund, sale.OrderNumber);
    }
}
