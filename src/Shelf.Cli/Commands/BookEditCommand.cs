using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Common;
using Shelf.Core.Features.Books;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf edit &lt;id|isbn&gt; [--title T] [--pages N] ... [--author A --author B] [--add-author X] [--remove-author Y]
/// [--status S] [--rating N] [--shelf NAME] [--remove-shelf NAME] ...</c>.
/// An empty value clears a field: <c>--subtitle ""</c>.
/// </summary>
internal sealed class BookEditCommand : ShelfCommand
{
    private readonly Argument<string?> _book = new("book") { Description = "The book's id or ISBN (or --where)", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _where = new("--where") { Description = "Edit every book this search matches (the language of 'shelf search'), in one transaction" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "With --where, change the books without asking" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "With --where, list the books it would change and change nothing" };
    private readonly Option<string?> _title = new("--title") { Description = "New title" };
    private readonly Option<string?> _subtitle = new("--subtitle") { Description = "New subtitle (\"\" clears it)" };
    private readonly Option<string?> _pages = new("--pages") { Description = "New number of pages (\"\" clears it)" };
    private readonly Option<string?> _isbn = new("--isbn") { Description = "New ISBN-10 or ISBN-13 (\"\" clears it)" };
    private readonly Option<string?> _year = new("--year") { Description = "New year published (\"\" clears it)" };
    private readonly Option<string?> _publisher = new("--publisher") { Description = "New publisher (\"\" clears it)" };
    private readonly Option<string?> _price = new("--price") { Description = "New list price, written 9.99 (\"\" clears it)" };
    private readonly Option<string?> _currency = new("--currency") { Description = "ISO 4217 code of --price [default: $SHELF_CURRENCY, else USD]" };
    private readonly Option<string[]> _authors = CreditOptions.Create("--author", "Replace all authors with these, in this order (this is how to reorder)");
    private readonly Option<string[]> _addAuthors = CreditOptions.Create("--add-author", "Add an author at the end");
    private readonly Option<string[]> _removeAuthors = new("--remove-author") { Description = "Remove an author from this book", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _status = new("--status") { Description = "Reading status: want-to-read, reading, read, abandoned, or your own (\"\" clears it)" };
    private readonly Option<string?> _rating = new("--rating") { Description = "Your rating, 1 to 5 stars (0 or \"\" clears it)" };
    private readonly Option<string?> _dateStarted = new("--date-started") { Description = "When you started reading it, yyyy-mm-dd (\"\" clears it)" };
    private readonly Option<string?> _dateRead = new("--date-read") { Description = "When you finished it, yyyy-mm-dd (\"\" clears it)" };
    private readonly Option<string?> _readCount = new("--read-count") { Description = "How many times you have read it" };
    private readonly Option<string?> _review = new("--review") { Description = "Your review (\"\" clears it)" };
    private readonly Option<string?> _notes = new("--notes") { Description = "Your private notes (\"\" clears them)" };
    private readonly Option<string?> _ownedCopies = new("--owned-copies") { Description = "How many copies you own (\"\" clears it)" };
    private readonly Option<string?> _location = new("--location") { Description = "Where the book is: a room, a shelfmark (\"\" clears it)" };
    private readonly Option<string[]> _shelves = new("--shelf") { Description = "Put the book on this shelf (created when new); repeat for more", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string[]> _removeShelves = new("--remove-shelf") { Description = "Take the book off this shelf", Arity = ArgumentArity.ZeroOrMore };

    public BookEditCommand(CliConsole console, GlobalOptions globals)
        : base("edit", "Change a book's fields or authors, or those of every book a search matches (--where)", console, globals)
    {
        Arguments.Add(_book);
        Options.Add(_where);
        Options.Add(_yes);
        Options.Add(_dryRun);
        Options.Add(_title);
        Options.Add(_subtitle);
        Options.Add(_pages);
        Options.Add(_isbn);
        Options.Add(_year);
        Options.Add(_publisher);
        Options.Add(_price);
        Options.Add(_currency);
        Options.Add(_authors);
        Options.Add(_addAuthors);
        Options.Add(_removeAuthors);
        Options.Add(_status);
        Options.Add(_rating);
        Options.Add(_dateStarted);
        Options.Add(_dateRead);
        Options.Add(_readCount);
        Options.Add(_review);
        Options.Add(_notes);
        Options.Add(_ownedCopies);
        Options.Add(_location);
        Options.Add(_shelves);
        Options.Add(_removeShelves);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var reference = context.Get(_book);
        var where = context.Get(_where);
        if ((reference is null) == (where is null))
        {
            return Task.FromResult(context.Fail(Error.Invalid(CliErrorCodes.BookOrWhere, "name one book (its id or ISBN) or give --where QUERY, not both")));
        }

        var request = Changes(context, reference ?? string.Empty);
        if (!string.IsNullOrWhiteSpace(request.Price))
        {
            var currency = context.DefaultCurrency();
            if (FailIfError(context, currency) is { } badCurrency)
            {
                return Task.FromResult(badCurrency);
            }

            request = request with { DefaultCurrency = currency.Value };
        }

        if (where is not null)
        {
            return BulkChanges.RunAsync(
                context,
                new BulkChanges.Options(where, context.Get(_yes), context.Get(_dryRun), "Change", "Updated"),
                (EditBooks editBooks, bool dryRun) => editBooks.ExecuteAsync(new EditBooksRequest(where, request) { DryRun = dryRun }, cancellationToken),
                cancellationToken);
        }

        if (context.Get(_yes) || context.Get(_dryRun))
        {
            return Task.FromResult(context.Fail(Error.Invalid(CliErrorCodes.BookOrWhere, "--yes and --dry-run go with --where; an edit of one book changes it at once")));
        }

        return WithLibraryAsync<EditBook>(
            context,
            EditBook.ServesWithoutEf(request) ? library => ReportAsync(context, EditBook.ExecuteAsync(library, request, cancellationToken)) : null,
            editBook => ReportAsync(context, editBook.ExecuteAsync(request, cancellationToken)),
            cancellationToken);
    }

    private static async Task<int> ReportAsync(CliContext context, Task<Result<BookDetails>> edit)
    {
        var edited = await edit;
        if (FailIfError(context, edited) is { } failed)
        {
            return failed;
        }

        context.WriteResult(edited.Value, $"Updated book {edited.Value.Id}: {edited.Value.Title} by {string.Join(", ", edited.Value.Authors)}");
        return ExitCodes.Ok;
    }

    private EditBookRequest Changes(CliContext context, string reference)
    {
        var replaced = context.Get(_authors);
        return new EditBookRequest(reference)
        {
            Title = context.Get(_title),
            Subtitle = context.Get(_subtitle),
            Pages = context.Get(_pages),
            Isbn = context.Get(_isbn),
            Year = context.Get(_year),
            Publisher = context.Get(_publisher),
            Authors = replaced is { Length: > 0 } ? CreditOptions.Parse(replaced) : null,
            AddAuthors = CreditOptions.Parse(context.Get(_addAuthors)),
            RemoveAuthors = context.Get(_removeAuthors) ?? [],
            Price = context.Get(_price),
            Currency = context.Get(_currency),
            Status = context.Get(_status),
            Rating = context.Get(_rating),
            DateStarted = context.Get(_dateStarted),
            DateRead = context.Get(_dateRead),
            ReadCount = context.Get(_readCount),
            Review = context.Get(_review),
            PrivateNotes = context.Get(_notes),
            OwnedCopies = context.Get(_ownedCopies),
            Location = context.Get(_location),
            AddShelves = context.Get(_shelves) ?? [],
            RemoveShelves = context.Get(_removeShelves) ?? [],
        };
    }
}
