using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Sales;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf sale show &lt;order&gt;</c>: one sale (or refund) with its refunds.</summary>
internal sealed class SaleShowCommand : ShelfCommand
{
    private readonly Argument<string> _order = new("order") { Description = "The order number (or id) of a sale or refund" };

    public SaleShowCommand(CliConsole console, GlobalOptions globals)
        : base("show", "Show a sale and its refunds", console, globals)
    {
        Arguments.Add(_order);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<GetSale>(context, async getSale =>
        {
            var found = await getSale.ExecuteAsync(context.Get(_order)!, cancellationToken);
            if (FailIfError(context, found) is { } failed)
            {
                return failed;
            }

            SaleRendering.WriteDetails(context, found.Value);
            return ExitCodes.Ok;
        }, cancellationToken);
}
