using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Books;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf list [--sort title|author|year|pages|added|id] [--desc] [--author NAME] [--shelf NAME] [--status S] [--limit N | --all]</c>.</summary>
internal sealed class BookListCommand : ShelfCommand
{
    private const int DefaultLimit = 100;

    private readonly ChoiceOption<BookSort> _sort = new("--sort", "Order by title, author, year, pages, added or id", BookSort.Title);
    private readonly Option<bool> _descending = new("--desc") { Description = "Reverse the order" };
    private readonly Option<string?> _author = new("--author") { Description = "Only books by authors whose name contains this" };
    private readonly Option<string?> _shelf = new("--shelf") { Description = "Only books on this shelf" };
    private readonly Option<string?> _status = new("--status") { Description = "Only books with this reading status (want-to-read, reading, read, abandoned, or your own)" };
    private readonly Option<int?> _limit = new("--limit", "-n") { Description = $"Show at most this many books [default: {DefaultLimit}]" };
    private readonly Option<int> _offset = new("--offset") { Description = "Skip this many books first" };
    private readonly Option<bool> _all = new("--all") { Description = "Show every book" };

    public BookListCommand(CliConsole console, GlobalOptions globals)
        : base("list", "List books", console, globals)
    {
        Options.Add(_sort);
        Options.Add(_descending);
        Options.Add(_author);
        Options.Add(_shelf);
        Options.Add(_status);
        Options.Add(_limit);
        Options.Add(_offset);
        Options.Add(_all);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListBooks>(context, async listBooks =>
        {
            int? limit = context.Get(_all) ? null : context.Get(_limit) ?? DefaultLimit;
            var page = await listBooks.ExecuteAsync(
                new ListBooksRequest
                {
                    Sort = context.Get(_sort) ?? BookSort.Title,
                    Descending = context.Get(_descending),
                    Author = context.Get(_author),
                    Shelf = context.Get(_shelf),
                    Status = context.Get(_status),
                    Limit = limit,
                    Offset = context.Get(_offset),
                    CountTotal = context.Mode == OutputMode.Table,
                },
                cancellationToken);
            if (FailIfError(context, page) is { } failed)
            {
                return failed;
            }

            BookRendering.WriteList(context, page.Value.Books);
            if (context.Mode == OutputMode.Table)
            {
                var shown = page.Value.Books.Count;
                var more = page.Value.Total > shown + context.Get(_offset);
                context.Note(string.Create(CultureInfo.InvariantCulture, $"{shown} of {page.Value.Total} books{(more ? "; see more with --limit, --offset or --all" : string.Empty)}"));
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
