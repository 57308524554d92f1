using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Merging;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf merges</c>: the book and author merges made, newest first, with their ids for <c>shelf merge --undo</c>.</summary>
internal sealed class MergeListCommand : ShelfCommand
{
    public MergeListCommand(CliConsole console, GlobalOptions globals)
        : base("merges", "List the book and author merges made (newest first) and whether each was undone", console, globals)
    {
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListMerges>(context, async listMerges =>
        {
            var merges = (await listMerges.ExecuteAsync(cancellationToken)).Value;
            if (context.Mode == OutputMode.Json)
            {
                JsonOutput.Write(context.Console.Out, merges);
                return ExitCodes.Ok;
            }

            context.Console.Out.WriteLine("merge_id\tkind\tkept_id\tkept\tremoved_ids\tremoved\tmerged_at\tundone_at");
            foreach (var m in merges)
            {
                context.Console.Out.WriteLine(string.Join(
                    '\t',
                    m.Id.ToString(CultureInfo.InvariantCulture),
                    m.Kind.ToString().ToLowerInvariant(),
                    m.KeptId.ToString(CultureInfo.InvariantCulture),
                    BookRendering.Cell(m.KeptName),
                    string.Join(',', m.RemovedIds.Select(id => id.ToString(CultureInfo.InvariantCulture))),
                    BookRendering.Cell(string.Join("; ", m.RemovedNames)),
                    Time(m.MergedAt),
                    m.UndoneAt is { } undone ? Time(undone) : string.Empty));
            }

            context.Note(merges.Count == 0 ? "No merges made." : string.Create(CultureInfo.InvariantCulture, $"{merges.Count} merge(s); 'shelf merge --undo ID' undoes one while nothing was written to its rows since."));
            return ExitCodes.Ok;
        }, cancellationToken);

    private static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
