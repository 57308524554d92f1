using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Sales;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf sale refund &lt;order&gt; [--quantity N] [--date 2026-02-03]</c>: a refund row of its own.</summary>
internal sealed class SaleRefundCommand : ShelfCommand
{
    private readonly Argument<string> _order = new("order") { Description = "The order number (or id) of the sale" };
    private readonly Option<string?> _quantity = new("--quantity", "-q") { Description = "Copies given back [default: every copy not yet refunded]" };
    private readonly Option<string?> _date = new("--date") { Description = "When, in UTC: 2026-02-03 or 2026-02-03T10:00:00Z [default: now]" };

    public SaleRefundCommand(CliConsole console, GlobalOptions globals)
        : base("refund", "Refund copies of a sale (recorded as a ledger row of its own)", console, globals)
    {
        Arguments.Add(_order);
        Options.Add(_quantity);
        Options.Add(_date);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<RefundSale>(context, async refundSale =>
        {
            var request = new RefundSaleRequest(context.Get(_order)!) { Quantity = context.Get(_quantity), RefundedAt = context.Get(_date) };
            var refunded = await refundSale.ExecuteAsync(request, cancellationToken);
            if (FailIfError(context, refunded) is { } failed)
            {
                return failed;
            }

            if (context.Mode == OutputMode.Json)
            {
                JsonOutput.Write(context.Console.Out, refunded.Value);
            }
            else
            {
                context.Console.Out.WriteLine("Recorded " + SaleRendering.Line(refunded.Value));
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
