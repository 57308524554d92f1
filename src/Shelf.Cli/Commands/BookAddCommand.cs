using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Books;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf add "Title" --author "Name" ...</c>; with no arguments on a terminal it asks, like the original script.</summary>
internal sealed class BookAddCommand : ShelfCommand
{
    private readonly Argument<string?> _title = new("title") { Description = "The book's title", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string[]> _authors = CreditOptions.Create("--author", "An author, in order; repeat for several. A role may follow: \"Edith Grossman (translator)\"");
    private readonly Option<string?> _pages = new("--pages") { Description = "Number of pages" };
    private readonly Option<string?> _isbn = new("--isbn") { Description = "ISBN-10 or ISBN-13, hyphens allowed; stored as ISBN-13" };
    private readonly Option<string?> _year = new("--year") { Description = "Year published" };
    private readonly Option<string?> _publisher = new("--publisher") { Description = "Publisher" };
    private readonly Option<string?> _subtitle = new("--subtitle") { Description = "Subtitle" };
    private readonly Option<string?> _price = new("--price") { Description = "List price, written 9.99 (a dot for decimals)" };
    private readonly Option<string?> _currency = new("--currency") { Description = "ISO 4217 code of --price [default: $SHELF_CURRENCY, else USD]" };
    private readonly Option<bool> _allowDuplicate = new("--allow-duplicate") { Description = "Keep a second book with the same title and first author" };

    public BookAddCommand(CliConsole console, GlobalOptions globals)
        : base("add", "Add a book", console, globals)
    {
        Arguments.Add(_title);
        Options.Add(_authors);
        Options.Add(_pages);
        Options.Add(_isbn);
        Options.Add(_year);
        Options.Add(_publisher);
        Options.Add(_subtitle);
        Options.Add(_price);
        Options.Add(_currency);
        Options.Add(_allowDuplicate);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var request = new AddBookRequest(context.Get(_title), CreditOptions.Parse(context.Get(_authors)))
        {
            Pages = context.Get(_pages),
            Isbn = context.Get(_isbn),
            Year = context.Get(_year),
            Publisher = context.Get(_publisher),
            Subtitle = context.Get(_subtitle),
            AllowDuplicate = context.Get(_allowDuplicate),
            Price = context.Get(_price),
            Currency = context.Get(_currency),
        };

        if (request.Price is not null)
        {
            var currency = context.DefaultCurrency();
            if (FailIfError(context, currency) is { } badCurrency)
            {
                return badCurrency;
            }

            request = request with { DefaultCurrency = currency.Value };
        }

        if (request.Title is null && request.Authors.Count == 0)
        {
            var asked = context.CanAsk ? await AskAsync(context, request, cancellationToken) : null;
            if (asked is null)
            {
                return context.Fail(Shelf.Core.Common.Error.Invalid(
                    BookErrorCodes.AddNoTitle, "no title given: shelf add \"Title\" --author \"First Last\" [--pages N] [--isbn ...]"));
            }

            request = asked;
        }

        return await WithLibraryAsync<AddBook>(
            context,
            library => ReportAsync(context, AddBook.ExecuteAsync(library, request, cancellationToken)),
            addBook => ReportAsync(context, addBook.ExecuteAsync(request, cancellationToken)),
            cancellationToken);
    }

    private static async Task<int> ReportAsync(CliContext context, Task<Shelf.Core.Common.Result<BookDetails>> add)
    {
        var added = await add;
        if (FailIfError(context, added) is { } failed)
        {
            return failed;
        }

        context.WriteResult(added.Value, $"Added book {added.Value.Id}: {added.Value.Title} by {string.Join(", ", added.Value.Authors)}");
        return ExitCodes.Ok;
    }

    // The first users' script asked for these three; the rest can be set with 'shelf edit'.
    // Each answer is checked by the same rules as the flags, as soon as it is typed.
    private static async Task<AddBookRequest?> AskAsync(CliContext context, AddBookRequest request, CancellationToken cancellationToken)
    {
        var title = await context.AskAsync("Title", answer => BookRules.Title(answer).Error, cancellationToken);
        if (title is null)
        {
            return null;
        }

        var pages = await context.AskAsync("Number of pages (empty if unknown)", answer => BookRules.Pages(answer).Error, cancellationToken);
        if (pages is null)
        {
            return null;
        }

        var author = await context.AskAsync("Author (First Last)", answer => BookRules.Credits(CreditOptions.Parse([answer])).Error, cancellationToken);
        return author is null ? null : request with
        {
            Title = title,
            Pages = pages.Length == 0 ? null : pages,
            Authors = CreditOptions.Parse([author]),
        };
    }
}
