using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Sales;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf sale edit &lt;order&gt; [--quantity N] [--price 9.99] [--discount 15%]</c>; the total follows.</summary>
internal sealed class SaleEditCommand : ShelfCommand
{
    private readonly Argument<string> _order = new("order") { Description = "The order number (or id) of the sale" };
    private readonly Option<string?> _quantity = new("--quantity", "-q") { Description = "New number of copies" };
    private readonly Option<string?> _price = new("--price") { Description = "New price of one copy, in the sale's currency, written 9.99" };
    private readonly Option<string?> _discount = new("--discount") { Description = "New discount: 0.15 or 15% (0 for none)" };

    public SaleEditCommand(CliConsole console, GlobalOptions globals)
        : base("edit", "Correct the quantity, price or discount of a sale", console, globals)
    {
        Arguments.Add(_order);
        Options.Add(_quantity);
        Options.Add(_price);
        Options.Add(_discount);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<EditSale>(context, async editSale =>
        {
            var request = new EditSaleRequest(context.Get(_order)!)
            {
                Quantity = context.Get(_quantity),
                Price = context.Get(_price),
                Discount = context.Get(_discount),
            };
            var edited = await editSale.ExecuteAsync(request, cancellationToken);
            if (FailIfError(context, edited) is { } failed)
            {
                return failed;
            }

            if (context.Mode == OutputMode.Json)
            {
                JsonOutput.Write(context.Console.Out, edited.Value);
            }
            else
            {
                context.Console.Out.WriteLine("Updated sale " + SaleRendering.Line(edited.Value));
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
