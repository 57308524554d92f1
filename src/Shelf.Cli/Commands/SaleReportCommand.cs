using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Sales;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf sale report --by book|author|month|year [--from D] [--to D]</c>: units, gross, discounts, refunds, net.</summary>
internal sealed class SaleReportCommand : ShelfCommand
{
    private readonly ChoiceOption<SalesGrouping> _by = new("--by", "Add up by book, author, month or year", SalesGrouping.Month);
    private readonly Option<string?> _from = new("--from") { Description = "Only rows on or after this UTC day (2026-01-01)" };
    private readonly Option<string?> _to = new("--to") { Description = "Only rows on or before this UTC day (2026-12-31)" };

    public SaleReportCommand(CliConsole console, GlobalOptions globals)
        : base("report", "Sales totals by book, author, month or year", console, globals)
    {
        Options.Add(_by);
        Options.Add(_from);
        Options.Add(_to);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ReportSales>(context, async reportSales =>
        {
            var report = await reportSales.ExecuteAsync(
                new ReportSalesRequest(context.Get(_by) ?? SalesGrouping.Month) { From = context.Get(_from), To = context.Get(_to) },
                cancellationToken);
            if (FailIfError(context, report) is { } failed)
            {
                return failed;
            }

            SaleRendering.WriteReport(context, report.Value);
            return ExitCodes.Ok;
        }, cancellationToken);
}
