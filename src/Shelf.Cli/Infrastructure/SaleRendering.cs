using System.Globalization;
using Shelf.Core.Domain;
using Shelf.Core.Features.Sales;
using Spectre.Console;

namespace Shelf.Cli.Infrastructure;

/// <summary>Writes ledger rows and reports as a table (terminal), tab-separated lines (pipe) or JSON.</summary>
internal static class SaleRendering
{
    /// <summary>"S0F4K2QZ-7XG2MB9C: 2 × The Hobbit at 9.99 USD = 19.98 USD".</summary>
    public static string Line(SaleView sale)
    {
        var discount = sale.Discount == 0 ? string.Empty : $", {Percent(sale.Discount)} off";
        var what = sale.Kind == SaleKind.Refund ? $"refund of {sale.RefundOf}: " : string.Empty;
        return CliContext.OneLine(
            $"{sale.OrderNumber}: {what}{sale.Quantity} × {sale.Title} at {Amount(sale.UnitPrice)} {sale.Currency}{discount} = {Amount(sale.Total)} {sale.Currency}");
    }

    public static void WriteList(CliContext context, IReadOnlyList<SaleView> sales)
    {
        switch (context.Mode)
        {
            case OutputMode.Json:
                JsonOutput.Write(context.Console.Out, sales);
                break;
            case OutputMode.Plain:
                context.Console.Out.WriteLine("order\tkind\tsold_at\tbook_id\ttitle\tisbn13\tquantity\tunit_price\tdiscount\ttotal\tcurrency\trefund_of");
                foreach (var s in sales)
                {
                    context.Console.Out.WriteLine(string.Join(
                        '\t',
                        BookRendering.Cell(s.OrderNumber),
                        Kind(s.Kind),
                        Time(s.SoldAt),
                        s.BookId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                        BookRendering.Cell(s.Title),
                        s.Isbn13 ?? string.Empty,
                        s.Quantity.ToString(CultureInfo.InvariantCulture),
                        Amount(s.UnitPrice),
                        Amount(s.Discount),
                        Amount(s.Total),
                        s.Currency,
                        s.RefundOf ?? string.Empty));
                }

                break;
            default:
                var table = new Table().Border(TableBorder.Rounded)
                    .AddColumn("Order")
                    .AddColumn("Date (UTC)")
                    .AddColumn("Book")
                    .AddColumn(new TableColumn("Qty").RightAligned())
                    .AddColumn(new TableColumn("Price").RightAligned())
                    .AddColumn(new TableColumn("Disc.").RightAligned())
                    .AddColumn(new TableColumn("Total").RightAligned())
                    .AddColumn("Cur.");
                foreach (var s in sales)
                {
                    var refund = s.Kind == SaleKind.Refund;
                    table.AddRow(
                        // A refund shows as negative copies and amount; 'sale show' names its sale.
                        new Text(s.OrderNumber),
                        new Text(s.SoldAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        new Text(s.BookId is null ? $"{s.Title} (removed)" : s.Title),
                        new Text((refund ? "-" : string.Empty) + s.Quantity.ToString(CultureInfo.InvariantCulture)),
                        new Text(Amount(s.UnitPrice)),
                        new Text(s.Discount == 0 ? string.Empty : Percent(s.Discount)),
                        new Text((refund ? "-" : string.Empty) + Amount(s.Total)),
                        new Text(s.Currency));
                }

                context.Console.CreateAnsiConsole().Write(table);
                break;
        }
    }

    public static void WriteDetails(CliContext context, SaleDetails details)
    {
        if (context.Mode == OutputMode.Json)
        {
            JsonOutput.Write(context.Console.Out, details);
            return;
        }

        var sale = details.Sale;
        var rows = new List<(string Label, string? Value)>
        {
            ("Order", sale.OrderNumber),
            ("Kind", Kind(sale.Kind)),
            ("Refund of", sale.RefundOf),
            ("Sold at", Time(sale.SoldAt) + " UTC"),
            ("Book", sale.BookId is { } id ? $"{sale.Title} (book {id.ToString(CultureInfo.InvariantCulture)})" : $"{sale.Title} (removed from the catalog)"),
            ("ISBN-13", sale.Isbn13),
            ("Author", sale.Author),
            ("Quantity", sale.Quantity.ToString(CultureInfo.InvariantCulture)),
            ("Unit price", $"{Amount(sale.UnitPrice)} {sale.Currency}"),
            ("Discount", sale.Discount == 0 ? null : Percent(sale.Discount)),
            ("Total", $"{Amount(sale.Total)} {sale.Currency}"),
            ("Refunded", details.Refunds.Count == 0 ? null : string.Join(", ", details.Refunds.Select(r => $"{r.Quantity.ToString(CultureInfo.InvariantCulture)} ({r.OrderNumber}, {Amount(r.Total)} {r.Currency})"))),
            ("Refundable", sale.Kind == SaleKind.Sale ? details.RefundableQuantity.ToString(CultureInfo.InvariantCulture) : null),
            ("Recorded at", Time(sale.RecordedAt) + " UTC"),
        };
        WriteFields(context, rows);
    }

    public static void WriteReport(CliContext context, SalesReport report)
    {
        if (context.Mode == OutputMode.Json)
        {
            JsonOutput.Write(context.Console.Out, report);
            return;
        }

        var label = report.By.ToString();
        if (context.Mode == OutputMode.Plain)
        {
            context.Console.Out.WriteLine($"{label.ToLowerInvariant()}\tcurrency\tunits_sold\tunits_refunded\tgross\tdiscounts\trefunds\tnet");
            foreach (var line in report.Lines.Concat(report.Totals))
            {
                context.Console.Out.WriteLine(string.Join(
                    '\t',
                    BookRendering.Cell(line.Group),
                    line.Currency,
                    line.UnitsSold.ToString(CultureInfo.InvariantCulture),
                    line.UnitsRefunded.ToString(CultureInfo.InvariantCulture),
                    Amount(line.Gross),
                    Amount(line.Discounts),
                    Amount(line.Refunds),
                    Amount(line.Net)));
            }

            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(label)
            .AddColumn("Cur.")
            .AddColumn(new TableColumn("Sold").RightAligned())
            .AddColumn(new TableColumn("Refunded").RightAligned())
            .AddColumn(new TableColumn("Gross").RightAligned())
            .AddColumn(new TableColumn("Discounts").RightAligned())
            .AddColumn(new TableColumn("Refunds").RightAligned())
            .AddColumn(new TableColumn("Net").RightAligned());
        foreach (var line in report.Lines)
        {
            AddReportRow(table, line, bold: false);
        }

        foreach (var line in report.Totals)
        {
            AddReportRow(table, line, bold: true);
        }

        context.Console.CreateAnsiConsole().Write(table);
    }

    private static void AddReportRow(Table table, SalesReportLine line, bool bold)
    {
        var style = bold ? new Style(decoration: Decoration.Bold) : Style.Plain;
        table.AddRow(
            new Text(bold ? "Total" : line.Group, style),
            new Text(line.Currency, style),
            new Text(line.UnitsSold.ToString(CultureInfo.InvariantCulture), style),
            new Text(line.UnitsRefunded.ToString(CultureInfo.InvariantCulture), style),
            new Text(Amount(line.Gross), style),
            new Text(Amount(line.Discounts), style),
            new Text(Amount(line.Refunds), style),
            new Text(Amount(line.Net), style));
    }

    private static void WriteFields(CliContext context, List<(string Label, string? Value)> rows)
    {
        var shown = rows.Where(r => !string.IsNullOrEmpty(r.Value)).ToList();
        if (context.Mode == OutputMode.Plain)
        {
            foreach (var (label, value) in shown)
            {
                context.Console.Out.WriteLine($"{label}\t{BookRendering.Cell(value!)}");
            }

            return;
        }

        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (label, value) in shown)
        {
            grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value!));
        }

        context.Console.CreateAnsiConsole().Write(grid);
    }

    private static string Amount(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    // The view's fraction is exact (basis points / 10,000), so this gives back the stored discount.
    private static string Percent(decimal fraction) => new Discount((int)(fraction * Discount.Scale)).ToString();

    private static string Kind(SaleKind kind) => kind == SaleKind.Refund ? "refund" : "sale";

    private static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
