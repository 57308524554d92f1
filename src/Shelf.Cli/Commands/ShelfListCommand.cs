using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Shelves;
using Spectre.Console;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf shelves</c>: every shelf and how many books are on it.</summary>
internal sealed class ShelfListCommand : ShelfCommand
{
    public ShelfListCommand(CliConsole console, GlobalOptions globals)
        : base("shelves", "List your shelves and how many books each holds", console, globals)
    {
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListShelves>(context, async listShelves =>
        {
            var shelves = await listShelves.ExecuteAsync(cancellationToken);
            switch (context.Mode)
            {
                case OutputMode.Json:
                    JsonOutput.Write(context.Console.Out, shelves);
                    break;
                case OutputMode.Plain:
                    context.Console.Out.WriteLine("id\tname\tbooks");
                    foreach (var s in shelves)
                    {
                        context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Id}\t{BookRendering.Cell(s.Name)}\t{s.BookCount}"));
                    }

                    break;
                default:
                    var table = new Table().Border(TableBorder.Rounded)
                        .AddColumn("Shelf")
                        .AddColumn(new TableColumn("Books").RightAligned());
                    foreach (var s in shelves)
                    {
                        table.AddRow(new Text(s.Name), new Text(s.BookCount.ToString(CultureInfo.InvariantCulture)));
                    }

                    context.Console.CreateAnsiConsole().Write(table);
                    context.Note(string.Create(CultureInfo.InvariantCulture, $"{shelves.Count} shelves; see a shelf's books with 'shelf list --shelf NAME'"));
                    break;
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
