using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Sales;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf sale list [--from 2026-01-01] [--to 2026-01-31] [--book id|isbn] [--author NAME] [--limit N | --all]</c>.</summary>
internal sealed class SaleListCommand : ShelfCommand
{
    private readonly Option<string?> _from = new("--from") { Description = "Only rows sold on or after this UTC day (2026-01-01)" };
    private readonly Option<string?> _to = new("--to") { Description = "Only rows sold on or before this UTC day (2026-01-31)" };
    private readonly Option<string?> _book = new("--book") { Description = "Only sales of this book (id or ISBN)" };
    private readonly Option<string?> _author = new("--author") { Description = "Only sales of books credited to an author whose name contains this" };
    private readonly ListingOptions _page = new("rows");

    public SaleListCommand(CliConsole console, GlobalOptions globals)
        : base("list", "List sales and refunds, oldest first", console, globals)
    {
        Options.Add(_from);
        Options.Add(_to);
        Options.Add(_book);
        Options.Add(_author);
        _page.AddTo(this);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListSales>(context, async listSales =>
        {
            var request = new ListSalesRequest
            {
                From = context.Get(_from),
                To = context.Get(_to),
                Book = context.Get(_book),
                Author = context.Get(_author),
                Limit = _page.Fetch(context),
                Offset = context.Get(_page.Offset),
                CountTotal = context.Mode == OutputMode.Table,
            };
            var fetched = await listSales.ExecuteAsync(request, cancellationToken);
            if (FailIfError(context, fetched) is { } failed)
            {
                return failed;
            }

            var (sales, cut) = _page.Page(context, fetched.Value.Sales);
            SaleRendering.WriteList(context, sales);
            await _page.NoteAsync(context, sales.Count, cut, fetched.Value.Total, async () =>
                (await listSales.ExecuteAsync(request with { Limit = 0, Offset = 0, CountTotal = true }, cancellationToken)).Value!.Total!.Value);
            return ExitCodes.Ok;
        }, cancellationToken);
}
