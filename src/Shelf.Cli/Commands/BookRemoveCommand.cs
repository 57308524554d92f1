using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Books;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf remove &lt;id|isbn&gt;</c>.</summary>
internal sealed class BookRemoveCommand : ShelfCommand
{
    private readonly Argument<string> _book = new("book") { Description = "The book's id or ISBN" };

    public BookRemoveCommand(CliConsole console, GlobalOptions globals)
        : base("remove", "Remove a book", console, globals)
    {
        Arguments.Add(_book);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<RemoveBook>(context, async removeBook =>
        {
            var removed = await removeBook.ExecuteAsync(context.Get(_book)!, cancellationToken);
            if (FailIfError(context, removed) is { } failed)
            {
                return failed;
            }

            context.WriteResult(removed.Value, $"Removed book {removed.Value.Id}: {removed.Value.Title}");

            return ExitCodes.Ok;
        }, cancellationToken);
}
