using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Authors;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf author merge &lt;from&gt; &lt;into&gt;</c>: moves every credit of one author to another, in one
/// transaction, and keeps a merge record; <c>shelf merge --undo ID</c> undoes it, as it does a book merge.
/// </summary>
internal sealed class AuthorMergeCommand : ShelfCommand
{
    private readonly Argument<string> _from = new("from") { Description = "The author to merge away (id or name)" };
    private readonly Argument<string> _into = new("into") { Description = "The author who remains (id or name)" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Merge without asking" };

    public AuthorMergeCommand(CliConsole console, GlobalOptions globals)
        : base("merge", "Make two authors one person ('shelf merge --undo ID' undoes it)", console, globals)
    {
        Arguments.Add(_from);
        Arguments.Add(_into);
        Options.Add(_yes);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var yes = context.Get(_yes);
        if (context.Unconfirmed(yes, $"merging {context.Get(_from)} into {context.Get(_into)}") is { } unconfirmed)
        {
            return context.Fail(unconfirmed);
        }

        return await WithDatabaseAsync<GetAuthor, MergeAuthors>(context, async (getAuthor, mergeAuthors) =>
        {
            if (!yes)
            {
                var from = await getAuthor.ExecuteAsync(context.Get(_from)!, cancellationToken);
                var into = await getAuthor.ExecuteAsync(context.Get(_into)!, cancellationToken);
                if ((FailIfError(context, from) ?? FailIfError(context, into)) is { } missing)
                {
                    return missing;
                }

                var question = string.Create(CultureInfo.InvariantCulture, $"Merge {from.Value.Name} (id {from.Value.Id}, {from.Value.Books.Count} book(s)) into {into.Value.Name} (id {into.Value.Id})?");
                if (await context.ConfirmAsync(question, cancellationToken) is { } stopped)
                {
                    return stopped;
                }
            }

            var merged = await mergeAuthors.ExecuteAsync(context.Get(_from)!, context.Get(_into)!, cancellationToken);
            if (FailIfError(context, merged) is { } failed)
            {
                return failed;
            }

            var m = merged.Value;
            context.WriteResult(m, string.Create(
                CultureInfo.InvariantCulture,
                $"Merged {m.RemovedName} into {m.Into.Name} (id {m.Into.Id}): {m.BooksMoved} book(s) moved, {m.Into.BookCount} in all. Merge {m.MergeId}: 'shelf merge --undo {m.MergeId}' undoes it"));
            return ExitCodes.Ok;
        }, cancellationToken);
    }
}
