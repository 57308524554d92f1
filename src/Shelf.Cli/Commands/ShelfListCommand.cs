using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Shelves;
using Spectre.Console;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf shelves [--limit N | --all] [--offset N]</c>: the shelves and how many books are on each.</summary>
internal sealed class ShelfListCommand : ShelfCommand
{
    private readonly ListingOptions _page = new("shelves");

    public ShelfListCommand(CliConsole console, GlobalOptions globals)
        : base("shelves", "List your shelves and how many books each holds", console, globals)
    {
        _page.AddTo(this);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListShelves>(context, async listShelves =>
        {
            var request = new ListShelvesRequest { Limit = _page.Fetch(context), Offset = context.Get(_page.Offset), CountTotal = context.Mode == OutputMode.Table };
            var fetched = await listShelves.ExecuteAsync(request, cancellationToken);
            if (FailIfError(context, fetched) is { } failed)
            {
                return failed;
            }

            var (shelves, cut) = _page.Page(context, fetched.Value.Shelves);
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
                    break;
            }

            await _page.NoteAsync(context, shelves.Count, cut, fetched.Value.Total, async () =>
                (await listShelves.ExecuteAsync(request with { Limit = 0, Offset = 0, CountTotal = true }, cancellationToken)).Value!.Total!.Value);
            if (context.Mode == OutputMode.Table)
            {
                context.Note("see a shelf's books with 'shelf list --shelf NAME'");
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
