using System.Globalization;
using Shelf.Core.Features.Loans;
using Spectre.Console;

namespace Shelf.Cli.Infrastructure;

/// <summary>Writes loans as a table (terminal), tab-separated lines (pipe) or JSON.</summary>
internal static class LoanRendering
{
    /// <summary>"Book 12 (Dune) lent to Anne Dupré, due 2026-12-24".</summary>
    public static string Line(LoanView loan, string verb) => CliContext.OneLine(
        $"Book {loan.BookId?.ToString(CultureInfo.InvariantCulture) ?? "(removed)"} ({loan.Title}) {verb} {loan.Borrower}"
        + (loan.DueOn is { } due && loan.ReturnedAt is null ? $", due {Day(due)}" : string.Empty));

    public static void WriteList(CliContext context, IReadOnlyList<LoanView> loans)
    {
        switch (context.Mode)
        {
            case OutputMode.Json:
                JsonOutput.Write(context.Console.Out, loans);
                break;
            case OutputMode.Plain:
                context.Console.Out.WriteLine("loan_id\tbook_id\ttitle\tborrower\tcontact\tlent_at\tdue_on\treturned_at\toverdue\tnote");
                foreach (var l in loans)
                {
                    context.Console.Out.WriteLine(string.Join(
                        '\t',
                        l.Id.ToString(CultureInfo.InvariantCulture),
                        l.BookId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                        BookRendering.Cell(l.Title),
                        BookRendering.Cell(l.Borrower),
                        BookRendering.Cell(l.Contact ?? string.Empty),
                        Time(l.LentAt),
                        l.DueOn is { } due ? Day(due) : string.Empty,
                        l.ReturnedAt is { } back ? Time(back) : string.Empty,
                        l.Overdue ? "yes" : "no",
                        BookRendering.Cell(l.Note ?? string.Empty)));
                }

                break;
            default:
                var table = new Table().Border(TableBorder.Rounded)
                    .AddColumn(new TableColumn("Book").RightAligned())
                    .AddColumn("Title")
                    .AddColumn("Borrower")
                    .AddColumn("Lent")
                    .AddColumn("Due")
                    .AddColumn("Returned");
                foreach (var l in loans)
                {
                    table.AddRow(
                        new Text(l.BookId?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                        new Text(BookRendering.Cell(l.BookId is null ? $"{l.Title} (removed)" : l.Title)),
                        new Text(BookRendering.Cell(l.Contact is null ? l.Borrower : $"{l.Borrower} ({l.Contact})")),
                        new Text(l.LentAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        new Text(l.DueOn is { } due ? Day(due) + (l.Overdue ? " overdue" : string.Empty) : string.Empty, l.Overdue ? new Style(Color.Red) : Style.Plain),
                        new Text(l.ReturnedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty));
                }

                context.Console.CreateAnsiConsole().Write(table);
                break;
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
