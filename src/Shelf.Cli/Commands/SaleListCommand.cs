using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Sales;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf sale list [--from 2026-01-01] [--to 2026-01-31] [--book id|isbn] [--author NAME] [--limit N | --all]</c>.</summary>
internal sealed class SaleListCommand : ShelfCommand
{
    private const int DefaultLimit = 100;

    private readonly Option<string?> _from = new("--from") { Description = "Only rows sold on or after this UTC day (2026-01-01)" };
    private readonly Option<string?> _to = new("--to") { Description = "Only rows sold on or before this UTC day (2026-01-31)" };
    private readonly Option<string?> _book = new("--book") { Description = "Only sales of this book (id or ISBN)" };
    private readonly Option<string?> _author = new("--author") { Description = "Only sales of books credited to an author whose name contains this" };
    private readonly Option<int?> _limit = new("--limit", "-n") { Description = $"Show at most this many rows [default: {DefaultLimit}]" };
    private readonly Option<int> _offset = new("--offset") { Description = "Skip this many rows first" };
    private readonly Option<bool> _all = new("--all") { Description = "Show every row" };

    public SaleListCommand(CliConsole console, GlobalOptions globals)
        : base("list", "List sales and refunds, oldest first", console, globals)
    {
        Options.Add(_from);
        Options.Add(_to);
        Options.Add(_book);
        Options.Add(_author);
        Options.Add(_limit);
        Options.Add(_offset);
        Options.Add(_all);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListSales>(context, async listSales =>
        {
            var page = await listSales.ExecuteAsync(
                new ListSalesRequest
                {
                    From = context.Get(_from),
                    To = context.Get(_to),
                    Book = context.Get(_book),
                    Author = context.Get(_author),
                    Limit = context.Get(_all) ? null : context.Get(_limit) ?? DefaultLimit,
                    Offset = context.Get(_offset),
                    CountTotal = context.Mode == OutputMode.Table,
                },
                cancellationToken);
            if (FailIfError(context, page) is { } failed)
            {
                return failed;
            }

            SaleRendering.WriteList(context, page.Value.Sales);
            if (context.Mode == OutputMode.Table)
            {
                var shown = page.Value.Sales.Count;
                var more = page.Value.Total > shown + context.Get(_offset);
                context.Note(string.Create(CultureInfo.InvariantCulture, $"{shown} of {page.Value.Total} rows{(more ? "; see more with --limit, --offset or --all" : string.Empty)}"));
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
