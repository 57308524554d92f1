using Shelf.Core.Common;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Sales;

/// <summary>Errors more than one sales use case returns.</summary>
public static class SaleErrors
{
    public static Error NotFound(string reference) =>
        Error.NotFound(SaleErrorCodes.NotFound, $"no sale with order number or id '{UserText.Shorten(reference)}'");

    public static Error OrderNumberTaken(string orderNumber) =>
        Error.Conflict(SaleErrorCodes.OrderNumberTaken, $"order number {orderNumber} is already in the ledger; give another one, or leave it out and Shelf makes one");

    public static Error ConcurrentWrite() =>
        Error.Conflict(SaleErrorCodes.ConcurrentWrite, "another program wrote the same order number at the same moment; run the command again");
}
