using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Loans;

namespace Shelf.Core.Features.Books;

/// <summary>Shows one book, named by id or ISBN, with who has it now.</summary>
public sealed class GetBook(ShelfDbContext db, TimeProvider? clock = null)
{
    public async Task<Result<BookDetails>> ExecuteAsync(string reference, CancellationToken cancellationToken)
    {
        // A plain id needs no lookup of its own: the details come back empty when no book has it.
        var id = BookQueries.PlainId(reference) ?? await BookQueries.ResolveIdAsync(db, reference, cancellationToken);
        var today = LoanQueries.Today(clock ?? TimeProvider.System);
        var read = id is null ? null
            : db.Provider == DatabaseProvider.Postgres ? await ReadTogetherAsync(id.Value, today, cancellationToken)
            : await ReadApartAsync(id.Value, today, cancellationToken);
        return read is var (details, loans) ? WithLoans(details, loans) : BookErrors.NotFound(reference);
    }

    /// <summary>The same on a SQLite library opened without EF.</summary>
    public static async Task<Result<BookDetails>> ExecuteAsync(SqliteLibrary library, string reference, CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(reference);
        var connection = library.Connection;
        var id = BookQueries.PlainId(reference) ?? await BookQueries.ResolveIdAsync(connection, reference, cancellationToken);
        var book = id is null ? null : await PlainBookRead.BookAsync(connection, id.Value, cancellationToken);
        if (book is null)
        {
            return BookErrors.NotFound(reference);
        }

        var loans = await PlainBookRead.OpenLoansAsync(connection, book.Id, LoanQueries.Today(clock ?? TimeProvider.System), cancellationToken);
        return WithLoans(BookQueries.DetailsOf(book), loans);
    }

    private static BookDetails WithLoans(BookDetails details, List<LoanView> loans) => loans.Count == 0 ? details : details with
    {
        Loans = loans,
        Lines = [.. details.Lines, new BookLine("On loan", LoanQueries.Describe(loans))],
    };

    // PostgreSQL in one statement: its planner looks each collection up by the book's id, so one
    // query costs what the split reads cost less their round trips, which were most of a request
    // under load (bench/web.sh). The rows come back as the product of the collections (a book's
    // people x shelves x ids x open loans: a few, tens for a well-catalogued book) and EF folds
    // them back into one book. SQLite keeps the split reads (its planner joins before it filters,
    // see BookQueries.DetailsAsync; a one-shot `show` there reads with plain SQL, PlainBookRead), and so
    // does MySQL, unmeasured at scale this way.
    private async Task<(BookDetails, List<LoanView>)?> ReadTogetherAsync(int id, DateOnly today, CancellationToken cancellationToken)
    {
        var view = LoanQueries.ViewOf(today);
        var row = await BookQueries.WithCollections(db).AsSingleQuery()
            .Where(b => b.Id == id)
            .Select(b => new
            {
                Book = b,
                Loans = db.Loans.Where(l => l.BookId == b.Id && l.ReturnedAt == null).OrderBy(l => l.LentAt).ThenBy(l => l.Id).Select(view).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (BookQueries.DetailsOf(row.Book), row.Loans);
    }

    private async Task<(BookDetails, List<LoanView>)?> ReadApartAsync(int id, DateOnly today, CancellationToken cancellationToken)
    {
        var details = await BookQueries.DetailsAsync(db, id, cancellationToken);
        if (details is null)
        {
            return null;
        }

        var loans = PlainBookRead.Serves(db)
            ? await PlainBookRead.OpenLoansAsync(db, details.Id, today, cancellationToken)
            : await LoanQueries.OpenOfAsync(db, details.Id, today, cancellationToken);
        return (details, loans);
    }
}
