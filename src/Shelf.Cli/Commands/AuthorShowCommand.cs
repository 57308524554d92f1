using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Authors;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf author show &lt;id|name&gt;</c>: an author and their books.</summary>
internal sealed class AuthorShowCommand : ShelfCommand
{
    private readonly Argument<string> _author = new("author") { Description = "The author's id or name (any spelling that folds to the same name)" };

    public AuthorShowCommand(CliConsole console, GlobalOptions globals)
        : base("show", "Show an author and their books", console, globals)
    {
        Arguments.Add(_author);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<GetAuthor>(context, async getAuthor =>
        {
            var author = await getAuthor.ExecuteAsync(context.Get(_author)!, cancellationToken);
            if (FailIfError(context, author) is { } failed)
            {
                return failed;
            }

            AuthorRendering.WriteDetails(context, author.Value);
            return ExitCodes.Ok;
        }, cancellationToken);
}
