using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Common;
using Shelf.Core.Features.Sales;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf sale delete &lt;order&gt; [--yes]</c>: removes a row recorded by mistake. On a terminal it
/// asks first; otherwise <c>--yes</c> is required, so a script never deletes by accident. A sale
/// with refunds is refused (delete its refunds first).
/// </summary>
internal sealed class SaleDeleteCommand : ShelfCommand
{
    private readonly Argument<string> _order = new("order") { Description = "The order number (or id) of the sale or refund" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Delete without asking" };

    public SaleDeleteCommand(CliConsole console, GlobalOptions globals)
        : base("delete", "Delete a sale or refund recorded by mistake", console, globals)
    {
        Arguments.Add(_order);
        Options.Add(_yes);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var reference = context.Get(_order)!;
        var confirmed = context.Get(_yes);
        if (context.Unconfirmed(confirmed, $"deleting {reference}", SaleErrorCodes.DeleteUnconfirmed) is { } unconfirmed)
        {
            return Task.FromResult(context.Fail(unconfirmed));
        }

        return WithDatabaseAsync<GetSale, DeleteSale>(context, async (getSale, deleteSale) =>
        {
            if (!confirmed)
            {
                var found = await getSale.ExecuteAsync(reference, cancellationToken);
                if (FailIfError(context, found) is { } missing)
                {
                    return missing;
                }

                if (await context.ConfirmAsync($"Delete {SaleRendering.Line(found.Value.Sale)}?", cancellationToken) is { } stopped)
                {
                    return stopped;
                }
            }

            var deleted = await deleteSale.ExecuteAsync(reference, cancellationToken);
            if (FailIfError(context, deleted) is { } failed)
            {
                return failed;
            }

            if (context.Mode == OutputMode.Json)
            {
                JsonOutput.Write(context.Console.Out, deleted.Value);
            }
            else
            {
                context.Console.Out.WriteLine("Deleted " + SaleRendering.Line(deleted.Value));
            }

            return ExitCodes.Ok;
        }, cancellationToken);
    }
}
