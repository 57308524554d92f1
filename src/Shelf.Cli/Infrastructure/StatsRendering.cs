using System.Globalization;
using Shelf.Core.Features.Stats;
using Spectre.Console;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// Writes the library's statistics: JSON; one "key TAB value" line per figure for a pipe (keys
/// such as <c>read.2026-03.books</c> are stable, so scripts can grep them); sections for people.
/// </summary>
internal static class StatsRendering
{
    public static void Write(CliContext context, LibraryStats stats)
    {
        switch (context.Mode)
        {
            case OutputMode.Json:
                JsonOutput.Write(context.Console.Out, stats);
                break;
            case OutputMode.Plain:
                foreach (var (key, value) in Lines(stats))
                {
                    context.Console.Out.WriteLine($"{BookRendering.Cell(key)}\t{BookRendering.Cell(value)}");
                }

                break;
            default:
                WriteSections(context, stats);
                break;
        }
    }

    private static IEnumerable<(string Key, string Value)> Lines(LibraryStats stats)
    {
        yield return ("books", Number(stats.Books));
        yield return ("authors", Number(stats.Authors));
        yield return ("shelves", Number(stats.Shelves));
        yield return ("pages", Number(stats.Pages));
        yield return ("rated_books", Number(stats.RatedBooks));
        yield return ("average_rating", stats.AverageRating?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty);
        yield return ("loans_out", Number(stats.LoansOut));
        yield return ("loans_overdue", Number(stats.LoansOverdue));
        foreach (var s in stats.ByStatus)
        {
            yield return ($"status.{s.Status ?? "none"}", Number(s.Books));
        }

        foreach (var period in stats.ReadByYear.Concat(stats.ReadByMonth))
        {
            yield return ($"read.{Period(period)}.books", Number(period.Books));
            yield return ($"read.{Period(period)}.pages", Number(period.Pages));
        }

        foreach (var a in stats.TopAuthors)
        {
            yield return ($"top_author.{a.Name}", Number(a.Books));
        }

        foreach (var s in stats.TopShelves)
        {
            yield return ($"top_shelf.{s.Name}", Number(s.Books));
        }

        foreach (var sales in stats.Sales)
        {
            yield return ($"sales.{sales.Currency}.units_sold", Number(sales.UnitsSold));
            yield return ($"sales.{sales.Currency}.units_refunded", Number(sales.UnitsRefunded));
            yield return ($"sales.{sales.Currency}.net", Amount(sales.Net));
        }
    }

    private static void WriteSections(CliContext context, LibraryStats stats)
    {
        var console = context.Console.CreateAnsiConsole();
        var summary = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn(new GridColumn().RightAligned());
        summary.AddRow(Bold("Books"), new Text(Number(stats.Books)));
        summary.AddRow(Bold("Authors"), new Text(Number(stats.Authors)));
        summary.AddRow(Bold("Shelves"), new Text(Number(stats.Shelves)));
        summary.AddRow(Bold("Pages"), new Text(Number(stats.Pages)));
        summary.AddRow(Bold("Average rating"), new Text(stats.AverageRating is { } average
            ? string.Create(CultureInfo.InvariantCulture, $"{average:0.00} ({stats.RatedBooks} rated)")
            : "(none rated)"));
        summary.AddRow(Bold("Lent out"), new Text(stats.LoansOverdue == 0
            ? Number(stats.LoansOut)
            : string.Create(CultureInfo.InvariantCulture, $"{Number(stats.LoansOut)} ({Number(stats.LoansOverdue)} overdue)")));
        console.Write(summary);

        if (stats.ByStatus.Count > 0)
        {
            console.Write(Table("Status", "Books", stats.ByStatus.Select(s => (s.Status ?? "(none)", Number(s.Books)))));
        }

        var scope = stats.Year is { } year ? string.Create(CultureInfo.InvariantCulture, $" in {year}") : string.Empty;
        if (stats.ReadByYear.Count == 0)
        {
            console.Write(new Text($"No book has a date read{scope}.\n"));
        }
        else
        {
            var read = new Table().Border(TableBorder.Rounded).Title($"Read{scope}")
                .AddColumn("Period").AddColumn(new TableColumn("Books").RightAligned()).AddColumn(new TableColumn("Pages").RightAligned());
            foreach (var period in stats.ReadByYear.Count > 1 ? stats.ReadByYear : [])
            {
                read.AddRow(new Text(Period(period)), new Text(Number(period.Books)), new Text(Number(period.Pages)));
            }

            foreach (var period in stats.ReadByMonth)
            {
                read.AddRow(new Text(Period(period)), new Text(Number(period.Books)), new Text(Number(period.Pages)));
            }

            console.Write(read);
        }

        if (stats.TopAuthors.Count > 0)
        {
            console.Write(Table("Top authors", "Books", stats.TopAuthors.Select(a => (a.Name, Number(a.Books)))));
        }

        if (stats.TopShelves.Count > 0)
        {
            console.Write(Table("Top shelves", "Books", stats.TopShelves.Select(s => (s.Name, Number(s.Books)))));
        }

        if (stats.Sales.Count > 0)
        {
            var sales = new Table().Border(TableBorder.Rounded).Title($"Sales{scope}")
                .AddColumn("Currency").AddColumn(new TableColumn("Sold").RightAligned()).AddColumn(new TableColumn("Refunded").RightAligned()).AddColumn(new TableColumn("Net").RightAligned());
            foreach (var line in stats.Sales)
            {
                sales.AddRow(new Text(line.Currency), new Text(Number(line.UnitsSold)), new Text(Number(line.UnitsRefunded)), new Text(Amount(line.Net)));
            }

            console.Write(sales);
        }
    }

    private static Table Table(string name, string count, IEnumerable<(string Name, string Count)> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(name).AddColumn(new TableColumn(count).RightAligned());
        foreach (var (label, value) in rows)
        {
            // Text, not Markup: names such as "[Anonymous]" are data.
            table.AddRow(new Text(label), new Text(value));
        }

        return table;
    }

    private static Text Bold(string label) => new(label, new Style(decoration: Decoration.Bold));

    private static string Period(ReadingPeriod period) => period.Month is { } month
        ? string.Create(CultureInfo.InvariantCulture, $"{period.Year:D4}-{month:D2}")
        : period.Year.ToString("D4", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Amount(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
