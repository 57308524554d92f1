using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Sales;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf sale add --book &lt;id|isbn&gt; --quantity N [--price 9.99] [--discount 0.15|15%]
/// [--currency EUR] [--order-number X] [--date 2026-01-31]</c>.
/// </summary>
internal sealed class SaleAddCommand : ShelfCommand
{
    private readonly Option<string> _book = new("--book") { Description = "The book sold: its id or ISBN", Required = true };
    private readonly Option<string> _quantity = new("--quantity", "-q") { Description = "Copies sold", Required = true };
    private readonly Option<string?> _price = new("--price") { Description = "Price of one copy, written 9.99 [default: the book's list price]" };
    private readonly Option<string?> _discount = new("--discount") { Description = "Discount: a fraction below 1 (0.15) or a percentage (15%)" };
    private readonly Option<string?> _currency = new("--currency") { Description = "ISO 4217 code of --price [default: the list price's, else $SHELF_CURRENCY, else USD]" };
    private readonly Option<string?> _orderNumber = new("--order-number") { Description = "Your own order number [default: Shelf makes a unique one]" };
    private readonly Option<string?> _date = new("--date") { Description = "When it was sold, in UTC: 2026-01-31 or 2026-01-31T14:05:00Z [default: now]" };

    public SaleAddCommand(CliConsole console, GlobalOptions globals)
        : base("add", "Record a sale of a book", console, globals)
    {
        Options.Add(_book);
        Options.Add(_quantity);
        Options.Add(_price);
        Options.Add(_discount);
        Options.Add(_currency);
        Options.Add(_orderNumber);
        Options.Add(_date);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var currency = context.DefaultCurrency();
        if (FailIfError(context, currency) is { } badCurrency)
        {
            return Task.FromResult(badCurrency);
        }

        var request = new RecordSaleRequest(context.Get(_book)!, context.Get(_quantity))
        {
            Price = context.Get(_price),
            Discount = context.Get(_discount),
            Currency = context.Get(_currency),
            OrderNumber = context.Get(_orderNumber),
            SoldAt = context.Get(_date),
            DefaultCurrency = currency.Value,
        };

        return WithDatabaseAsync<RecordSale>(context, async recordSale =>
        {
            var recorded = await recordSale.ExecuteAsync(request, cancellationToken);
            if (FailIfError(context, recorded) is { } failed)
            {
                return failed;
            }

            if (context.Mode == OutputMode.Json)
            {
                JsonOutput.Write(context.Console.Out, recorded.Value);
            }
            else
            {
                context.Console.Out.WriteLine("Recorded sale " + SaleRendering.Line(recorded.Value));
            }

            return ExitCodes.Ok;
        }, cancellationToken);
    }
}
