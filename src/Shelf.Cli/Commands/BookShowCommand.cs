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

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var reference = context.Get(_book)!;
        return WithLibraryAsync<GetBook>(
            context,
            library => ShowAsync(context, GetBook.ExecuteAsync(library, reference, cancellationToken)),
            getBook => ShowAsync(context, getBook.ExecuteAsync(reference, cancellationToken)),
            cancellationToken);
    }

    private static async Task<int> ShowAsync(CliContext context, Task<Shelf.Core.Common.Result<BookDetails>> read)
    {
        var book = await read;
        if (FailIfError(context, book) is { } failed)
        {
            return failed;
        }

        BookRendering.WriteDetails(context, book.Value);
        return ExitCodes.Ok;
    }
}
