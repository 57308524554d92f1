using System.Globalization;
using Shelf.Core.Features.Authors;
using Spectre.Console;

namespace Shelf.Cli.Infrastructure;

/// <summary>Writes authors as a table, tab-separated lines or JSON.</summary>
internal static class AuthorRendering
{
    public static void WriteList(CliContext context, IReadOnlyList<AuthorSummary> authors)
    {
        switch (context.Mode)
        {
            case OutputMode.Json:
                JsonOutput.Write(context.Console.Out, authors);
                break;
            case OutputMode.Plain:
                context.Console.Out.WriteLine("id\tname\tbooks");
                foreach (var a in authors)
                {
                    context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.Id}\t{BookRendering.Cell(a.Name)}\t{a.BookCount}"));
                }

                break;
            default:
                var table = new Table().Border(TableBorder.Rounded)
                    .AddColumn(new TableColumn("Id").RightAligned())
                    .AddColumn("Name")
                    .AddColumn(new TableColumn("Books").RightAligned());
                foreach (var a in authors)
                {
                    table.AddRow(new Text(a.Id.ToString(CultureInfo.InvariantCulture)), new Text(BookRendering.Cell(a.Name)), new Text(a.BookCount.ToString(CultureInfo.InvariantCulture)));
                }

                context.Console.CreateAnsiConsole().Write(table);
                break;
        }
    }

    public static void WriteDetails(CliContext context, AuthorDetails author)
    {
        if (context.Mode == OutputMode.Json)
        {
            JsonOutput.Write(context.Console.Out, author);
            return;
        }

        var output = context.Console.Out;
        output.WriteLine(CliContext.OneLine(string.Create(CultureInfo.InvariantCulture, $"{author.Name} (id {author.Id}, filed as {author.SortName}): {author.BookCount} book(s)")));
        if (context.Mode == OutputMode.Plain)
        {
            output.WriteLine("id\ttitle\tyear\trole");
            foreach (var b in author.Books)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{b.Id}\t{BookRendering.Cell(b.Title)}\t{BookRendering.Number(b.Year)}\t{b.Role.ToString().ToLowerInvariant()}"));
            }

            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Id").RightAligned())
            .AddColumn("Title")
            .AddColumn(new TableColumn("Year").RightAligned())
            .AddColumn("Role");
        foreach (var b in author.Books)
        {
            table.AddRow(new Text(b.Id.ToString(CultureInfo.InvariantCulture)), new Text(BookRendering.Cell(b.Title)), new Text(BookRendering.Number(b.Year)), new Text(b.Role.ToString().ToLowerInvariant()));
        }

        context.Console.CreateAnsiConsole().Write(table);
    }
}
