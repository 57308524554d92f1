using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Sales;

/// <summary>Shows one ledger row, named by order number or id, with its refunds.</summary>
public sealed class GetSale(ShelfDbContext db)
{
    public async Task<Result<SaleDetails>> ExecuteAsync(string reference, CancellationToken cancellationToken)
    {
        var id = await SaleQueries.ResolveIdAsync(db, reference, cancellationToken);
        var details = id is null ? null : await SaleQueries.DetailsAsync(db, id.Value, cancellationToken);
        return details is null ? SaleErrors.NotFound(reference) : details;
    }
}
