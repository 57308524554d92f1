using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Common;
using Shelf.Core.Features.Books;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf list [--sort title|author|year|pages|added|id] [--desc] [--author NAME] [--shelf NAME] [--status S] [--limit N | --all]</c>.</summary>
internal sealed class BookListCommand : ShelfCommand
{
    private readonly ChoiceOption<BookSort> _sort = new("--sort", "Order by title, author, year, pages, added or id", BookSort.Title);
    private readonly Option<bool> _descending = new("--desc") { Description = "Reverse the order" };
    private readonly Option<string?> _author = new("--author") { Description = "Only books by authors whose name contains this" };
    private readonly Option<string?> _shelf = new("--shelf") { Description = "Only books on this shelf" };
    private readonly Option<bool> _lent = new("--lent") { Description = "Only books lent out now (see 'shelf loans')" };
    private readonly Option<string?> _status = new("--status") { Description = "Only books with this reading status (want-to-read, reading, read, abandoned, or your own)" };
    private readonly ListingOptions _page = new("books");

    public BookListCommand(CliConsole console, GlobalOptions globals)
        : base("list", "List books", console, globals)
    {
        Options.Add(_sort);
        Options.Add(_descending);
        Options.Add(_author);
        Options.Add(_shelf);
        Options.Add(_status);
        Options.Add(_lent);
        _page.AddTo(this);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var request = new ListBooksRequest
        {
            Sort = context.Get(_sort) ?? BookSort.Title,
            Descending = context.Get(_descending),
            Author = context.Get(_author),
            Shelf = context.Get(_shelf),
            Status = context.Get(_status),
            Lent = context.Get(_lent),
            Limit = _page.Fetch(context),
            Offset = context.Get(_page.Offset),
            CountTotal = context.Mode == OutputMode.Table,
        };
        return WithLibraryAsync<ListBooks>(
            context,
            ListBooks.ServesWithoutEf(request) ? library => ShowAsync(context, request, page => ListBooks.ExecuteAsync(library, page, cancellationToken)) : null,
            listBooks => ShowAsync(context, request, page => listBooks.ExecuteAsync(page, cancellationToken)),
            cancellationToken);
    }

    private async Task<int> ShowAsync(CliContext context, ListBooksRequest request, Func<ListBooksRequest, Task<Result<BookPage>>> list)
    {
        var fetched = await list(request);
        if (FailIfError(context, fetched) is { } failed)
        {
            return failed;
        }

        var (books, cut) = _page.Page(context, fetched.Value.Books);
        BookRendering.WriteList(context, books);
        await _page.NoteAsync(context, books.Count, cut, fetched.Value.Total, async () =>
            (await list(request with { Limit = 0, Offset = 0, CountTotal = true })).Value!.Total!.Value);
        return ExitCodes.Ok;
    }
}
