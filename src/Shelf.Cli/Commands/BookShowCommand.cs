using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Books;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf show &lt;id|isbn&gt;</c>.</summary>
internal sealed class BookShowCommand : ShelfCommand
{
    private readonly Argument<string> _book = new("book") { Description = "The book's id or ISBN" };

    public BookShowCommand(CliConsole console, GlobalOptions globals)
        : base("show", "Show one book", console, globals)
    {
        Arguments.Add(_book);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<GetBook>(context, async getBook =>
        {
            var book = await getBook.ExecuteAsync(context.Get(_book)!, cancellationToken);
            if (FailIfError(context, book) is { } failed)
            {
                return failed;
            }

            BookRendering.WriteDetails(context, book.Value);
            return ExitCodes.Ok;
        }, cancellationToken);
}
