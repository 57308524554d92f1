using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Stats;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf stats [--year YYYY] [--json]</c>: books, authors, pages, statuses, reading by year and month, top authors and shelves, ratings, sales.</summary>
internal sealed class LibraryStatsCommand : ShelfCommand
{
    private readonly Option<string?> _year = new("--year") { Description = "Reading and sales figures of this year only (2026)" };

    public LibraryStatsCommand(CliConsole console, GlobalOptions globals)
        : base("stats", "What the library holds and what you read: counts, statuses, books read per year and month, top authors and shelves, sales", console, globals)
    {
        Options.Add(_year);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<GetLibraryStats>(context, async getLibraryStats =>
        {
            var stats = await getLibraryStats.ExecuteAsync(new GetLibraryStatsRequest { Year = context.Get(_year) }, cancellationToken);
            if (FailIfError(context, stats) is { } failed)
            {
                return failed;
            }

            StatsRendering.Write(context, stats.Value);
            return ExitCodes.Ok;
        }, cancellationToken);
}
