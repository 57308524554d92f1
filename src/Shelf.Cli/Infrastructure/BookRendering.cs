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
                break;
        }
    }

    public static void WriteDetails(CliContext context, BookDetails book)
    {
        if (context.Mode == OutputMode.Json)
        {
            JsonOutput.Write(context.Console.Out, book);
            return;
        }

        var rows = new List<(string Label, string? Value)>
        {
            ("Id", book.Id.ToString(CultureInfo.InvariantCulture)),
            ("Title", book.Title),
            ("Subtitle", book.Subtitle),
            ("Authors", string.Join(", ", book.Credits.Select(c => c.Role == Shelf.Core.Domain.AuthorRole.Author ? c.Name : $"{c.Name} ({c.Role.ToString().ToLowerInvariant()})"))),
            ("Pages", Number(book.Pages)),
            ("ISBN-13", book.Isbn13),
            ("ISBN-10", book.Isbn10),
            ("Year", Number(book.Year)),
            ("Publisher", book.Publisher),
            ("First published", Number(book.OriginalPublicationYear)),
            ("Language", book.Language),
            ("Format", book.Format),
            ("Series", book.Series is null ? null : $"{book.Series}{(book.SeriesNumber is null ? string.Empty : " #" + book.SeriesNumber)}"),
            ("Status", book.Status),
            ("Rating", book.Rating is { } stars ? $"{new string('★', stars)}{new string('☆', 5 - stars)} ({stars}/5)" : null),
            ("List price", book.ListPrice is { } price ? $"{price.ToString(CultureInfo.InvariantCulture)} {book.ListPriceCurrency}" : null),
            ("Shelves", string.Join(", ", book.Shelves)),
            ("Started", Day(book.DateStarted)),
            ("Read", Day(book.DateRead)),
            ("Times read", book.ReadCount > 0 ? Number(book.ReadCount) : null),
            ("Copies owned", Number(book.OwnedCopies)),
            ("Location", book.Location),
            ("Review", book.Review),
            ("Private notes", book.PrivateNotes),
            ("Ids", string.Join(", ", book.Identifiers)),
            ("Added", book.AddedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            ("Updated", book.UpdatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        };
        foreach (var (source, fields) in book.Extras)
        {
            foreach (var (name, value) in fields)
            {
                rows.Add(($"{source}: {name}", value));
            }
        }

        var shown = rows.Where(r => !string.IsNullOrEmpty(r.Value)).ToList();

        if (context.Mode == OutputMode.Plain)
        {
            foreach (var (label, value) in shown)
            {
                context.Console.Out.WriteLine($"{label}\t{Cell(value!)}");
            }

            return;
        }

        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (label, value) in shown)
        {
            grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(Cell(value!)));
        }

        context.Console.CreateAnsiConsole().Write(grid);
    }

    /// <summary>Tabs, line breaks and terminal escapes inside a value would break the columns or the terminal.</summary>
    internal static string Cell(string value) => CliContext.OneLine(value.Replace('\t', ' '));

    internal static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string? Day(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
