using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Sales;

/// <summary>
/// Deletes a ledger row recorded by mistake. A sale that has refunds is refused: the refunds
/// say the sale happened, so they go first (each is deleted the same way). The database refuses
/// it too (the refunds' foreign key is ON DELETE RESTRICT).
/// </summary>
public sealed class DeleteSale(ShelfDbContext db)
{
    public async Task<Result<SaleView>> ExecuteAsync(string reference, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = await SaleQueries.ResolveIdAsync(db, reference, cancellationToken);
        if (id is null)
        {
            return SaleErrors.NotFound(reference);
        }

        await SaleQueries.LockAsync(db, id.Value, cancellationToken);
        var details = (await SaleQueries.DetailsAsync(db, id.Value, cancellationToken))!;
        if (details.Refunds.Count > 0)
        {
            return Error.Conflict(
                SaleErrorCodes.DeleteRefunded,
                $"sale {details.Sale.OrderNumber} has refunds ({string.Join(", ", details.Refunds.Select(r => r.OrderNumber))}); a sale with refunds happened, so delete the refunds first if it really was a mistake");
        }

        await db.Sales.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return details.Sale;
    }
}
