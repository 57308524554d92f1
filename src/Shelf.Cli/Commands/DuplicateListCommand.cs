using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Merging;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf duplicates [--limit N]</c>: groups of books that look like one, the surest first, with what differs.</summary>
internal sealed class DuplicateListCommand : ShelfCommand
{
    private readonly Option<int?> _limit = new("--limit", "-n") { Description = $"Show at most this many groups (the surest first); {FindDuplicatesRequest.DefaultLimit} unless given" };

    public DuplicateListCommand(CliConsole console, GlobalOptions globals)
        : base("duplicates", "List books that look like one book entered twice: the same title and first author, or a near title", console, globals)
    {
        Options.Add(_limit);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<FindDuplicates>(context, async findDuplicates =>
        {
            var found = await findDuplicates.ExecuteAsync(new FindDuplicatesRequest { Limit = context.Get(_limit) ?? FindDuplicatesRequest.DefaultLimit }, cancellationToken);
            if (FailIfError(context, found) is { } failed)
            {
                return failed;
            }

            if (context.Mode == OutputMode.Json)
            {
                JsonOutput.Write(context.Console.Out, found.Value);
                return ExitCodes.Ok;
            }

            var number = 0;
            foreach (var group in found.Value.Groups)
            {
                var output = context.Console.Out;
                output.WriteLine(CliContext.OneLine(string.Create(CultureInfo.InvariantCulture, $"Group {++number}: {group.Reason} (score {group.Score:0.00})")));
                foreach (var book in group.Books)
                {
                    output.WriteLine(CliContext.OneLine(string.Create(CultureInfo.InvariantCulture, $"  book {book.Id}: {book.Title} by {string.Join(", ", book.Authors)}")));
                }

                foreach (var difference in group.Differences)
                {
                    output.WriteLine(CliContext.OneLine($"  differs: {difference.Field}: {string.Join(" | ", difference.Values.Select(v => v ?? "(empty)"))}"));
                }

                output.WriteLine();
            }

            context.Note(found.Value.GroupCount switch
            {
                0 => "No duplicates found.",
                var n when n > found.Value.Groups.Count => string.Create(CultureInfo.InvariantCulture, $"{n} groups found, the {found.Value.Groups.Count} surest shown (--limit shows more); merge one with 'shelf merge KEEP OTHER...'."),
                var n => string.Create(CultureInfo.InvariantCulture, $"{n} group(s) found; merge one with 'shelf merge KEEP OTHER...'."),
            });
            return ExitCodes.Ok;
        }, cancellationToken);
}
