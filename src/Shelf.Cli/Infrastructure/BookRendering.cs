using System.Globalization;
using Shelf.Core.Features.Books;
using Spectre.Console;

namespace Shelf.Cli.Infrastructure;

/// <summary>Writes books as a table (terminal), tab-separated lines (pipe) or JSON.</summary>
internal static class BookRendering
{
    public static void WriteList(CliContext context, IReadOnlyList<BookSummary> books)
    {
        switch (context.Mode)
        {
            case OutputMode.Json:
                JsonOutput.Write(context.Console.Out, books);
                break;
            case OutputMode.Plain:
                context.Console.Out.WriteLine("id\ttitle\tauthors\tyear\tpages\tisbn13");
                foreach (var b in books)
                {
                    context.Console.Out.WriteLine(string.Join('\t', b.Id.ToString(CultureInfo.InvariantCulture), Cell(b.Title), Cell(string.Join("; ", b.Authors)), Number(b.Year), Number(b.Pages), b.Isbn13 ?? string.Empty));
                }

                break;
            default:
                WriteTable(context, books);
                break;
        }
    }

    // Apart from the plain and JSON writers, so that output to a pipe never loads Spectre.Console:
    // a precompiled method loads the types it names before it runs.
    private static void WriteTable(CliContext context, IReadOnlyList<BookSummary> books)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Id").RightAligned())
            .AddColumn("Title")
            .AddColumn("Authors")
            .AddColumn(new TableColumn("Year").RightAligned())
            .AddColumn(new TableColumn("Pages").RightAligned())
            .AddColumn("ISBN-13");
        foreach (var b in books)
        {
            // Text, not Markup: titles such as "[Untitled]" are data, never markup.
            table.AddRow(
                new Text(b.Id.ToString(CultureInfo.InvariantCulture)),
                new Text(Cell(b.Title)),
                new Text(Cell(string.Join(", ", b.Authors))),
                new Text(Number(b.Year)),
                new Text(Number(b.Pages)),
                new Text(b.Isbn13 ?? string.Empty));
        }

        context.Console.CreateAnsiConsole().Write(table);
    }

    public static void WriteDetails(CliContext context, BookDetails book)
    {
        if (context.Mode == OutputMode.Json)
        {
            JsonOutput.Write(context.Console.Out, book);
            return;
        }

        // The lines come from the core's book-field table, so the web shows the same ones.
        if (context.Mode == OutputMode.Plain)
        {
            foreach (var (label, value) in book.Lines)
            {
                context.Console.Out.WriteLine($"{label}\t{Cell(value)}");
            }

            return;
        }

        LineGrid.Write(context, [.. book.Lines.Select(l => (l.Label, Cell(l.Value)))]);
    }

    /// <summary>Tabs, line breaks and terminal escapes inside a value would break the columns or the terminal.</summary>
    internal static string Cell(string value) => CliContext.OneLine(value.Replace('\t', ' '));

    internal static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
