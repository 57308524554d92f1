using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Authors;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf author rename &lt;id|name&gt; &lt;new name&gt;</c>.</summary>
internal sealed class AuthorRenameCommand : ShelfCommand
{
    private readonly Argument<string> _author = new("author") { Description = "The author's id or current name" };
    private readonly Argument<string> _newName = new("new-name") { Description = "The name as it should be written" };

    public AuthorRenameCommand(CliConsole console, GlobalOptions globals)
        : base("rename", "Correct how an author's name is written", console, globals)
    {
        Arguments.Add(_author);
        Arguments.Add(_newName);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<RenameAuthor>(context, async renameAuthor =>
        {
            var renamed = await renameAuthor.ExecuteAsync(context.Get(_author)!, context.Get(_newName), cancellationToken);
            if (FailIfError(context, renamed) is { } failed)
            {
                return failed;
            }

            context.WriteResult(renamed.Value, $"Author {renamed.Value.Id} is now {renamed.Value.Name}");

            return ExitCodes.Ok;
        }, cancellationToken);
}
