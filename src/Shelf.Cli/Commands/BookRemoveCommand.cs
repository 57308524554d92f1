using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Common;
using Shelf.Core.Features.Books;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf remove &lt;id|isbn&gt; [--yes]</c>: asks first on a terminal, needs --yes in scripts.</summary>
internal sealed class BookRemoveCommand : ShelfCommand
{
    private readonly Argument<string?> _book = new("book") { Description = "The book's id or ISBN (or --where)", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _where = new("--where") { Description = "Remove every book this search matches (the language of 'shelf search'), in one transaction" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "With --where, list the books it would remove and remove nothing" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Remove without asking" };

    public BookRemoveCommand(CliConsole console, GlobalOptions globals)
        : base("remove", "Remove a book, or every book a search matches (--where); sales keep their record of them", console, globals)
    {
        Arguments.Add(_book);
        Options.Add(_where);
        Options.Add(_dryRun);
        Options.Add(_yes);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var reference = context.Get(_book);
        var where = context.Get(_where);
        var yes = context.Get(_yes);
        if ((reference is null) == (where is null))
        {
            return context.Fail(Error.Invalid(CliErrorCodes.BookOrWhere, "name one book (its id or ISBN) or give --where QUERY, not both"));
        }

        if (where is not null)
        {
            return await BulkChanges.RunAsync(
                context,
                new BulkChanges.Options(where, yes, context.Get(_dryRun), "Remove", "Removed"),
                (RemoveBooks removeBooks, bool dryRun) => removeBooks.ExecuteAsync(new RemoveBooksRequest(where) { DryRun = dryRun }, cancellationToken),
                cancellationToken);
        }

        if (context.Get(_dryRun))
        {
            return context.Fail(Error.Invalid(CliErrorCodes.BookOrWhere, "--dry-run goes with --where"));
        }

        if (context.Unconfirmed(yes, $"removing book {reference}") is { } unconfirmed)
        {
            return context.Fail(unconfirmed);
        }

        return await WithDatabaseAsync<GetBook, RemoveBook>(context, async (getBook, removeBook) =>
        {
            if (!yes)
            {
                // Only to name the book in the question; with --yes the removal alone finds it.
                var book = await getBook.ExecuteAsync(reference!, cancellationToken);
                if (FailIfError(context, book) is { } missing)
                {
                    return missing;
                }

                // A lent book is still out there: say so, the loan history keeps only its title.
                var lent = book.Value.Loans.Count == 0 ? string.Empty : $" (lent to {string.Join(", ", book.Value.Loans.Select(l => l.Borrower))})";
                if (await context.ConfirmAsync($"Remove book {book.Value.Id}: {book.Value.Title} by {string.Join(", ", book.Value.Authors)}{lent}?", cancellationToken) is { } stopped)
                {
                    return stopped;
                }
            }

            var removed = await removeBook.ExecuteAsync(reference!, cancellationToken);
            if (FailIfError(context, removed) is { } failed)
            {
                return failed;
            }

            context.WriteResult(removed.Value, $"Removed book {removed.Value.Id}: {removed.Value.Title}");
            return ExitCodes.Ok;
        }, cancellationToken);
    }
}
