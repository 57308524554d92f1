using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Sales;

/// <summary>Corrections to a sale; null leaves a field as it is. The total always follows.</summary>
public sealed record EditSaleRequest(string Reference)
{
    public string? Quantity { get; init; }

    /// <summary>The new unit price, in the sale's currency.</summary>
    public string? Price { get; init; }

    public string? Discount { get; init; }

    internal bool ChangesNothing => Quantity is null && Price is null && Discount is null;
}

/// <summary>
/// Corrects the quantity, price or discount of a sale that was recorded wrong. A sale with
/// refunds is history others depend on (each refund copied its price and discount), so it is
/// refused; so is editing a refund row.
/// </summary>
public sealed class EditSale(ShelfDbContext db)
{
    public async Task<Result<SaleView>> ExecuteAsync(EditSaleRequest request, CancellationToken cancellationToken)
    {
        if (request.ChangesNothing)
        {
            return Error.Invalid(SaleErrorCodes.EditNothing, "nothing to change; give a new quantity, price or discount");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = await SaleQueries.ResolveIdAsync(db, request.Reference, cancellationToken);
        if (id is null)
        {
            return SaleErrors.NotFound(request.Reference);
        }

        await SaleQueries.LockAsync(db, id.Value, cancellationToken);
        var sale = await db.Sales.SingleAsync(s => s.Id == id, cancellationToken);
        if (sale.Kind == SaleKind.Refund)
        {
            return Error.Invalid(SaleErrorCodes.EditRefund, $"{sale.OrderNumber} is a refund; delete it and record the refund again");
        }

        var refunds = await db.Sales.Where(s => s.RefundOfSaleId == sale.Id).Select(s => s.OrderNumber).ToListAsync(cancellationToken);
        if (refunds.Count > 0)
        {
            return Error.Conflict(
                SaleErrorCodes.EditRefunded,
                $"sale {sale.OrderNumber} has refunds ({string.Join(", ", refunds)}) that copied its price; delete them first to correct the sale");
        }

        var quantity = request.Quantity is null ? sale.Quantity : SaleRules.Quantity(request.Quantity);
        var price = request.Price is null ? new Money(sale.UnitPriceMinor, sale.Currency) : SaleRules.Price(request.Price, sale.Currency);
        var discount = request.Discount is null ? sale.Discount : SaleRules.Discount(request.Discount);
        if (Error.FirstOf(quantity.Error, price.Error, discount.Error) is { } invalid)
        {
            return invalid;
        }

        sale.Quantity = quantity.Value;
        sale.UnitPriceMinor = price.Value.Minor;
        sale.DiscountBasisPoints = discount.Value.BasisPoints;
        sale.TotalMinor = SaleMath.OrderTotal(sale.Quantity, sale.UnitPriceMinor, discount.Value);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SaleView.From(sale, refundOf: null);
    }
}
