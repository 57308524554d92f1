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
        var details = id is null ? null : await BookQueries.DetailsAsync(db, id.Value, cancellationToken);
        if (details is null)
        {
            return BookErrors.NotFound(reference);
        }

        var today = LoanQueries.Today(clock ?? TimeProvider.System);
        var loans = PlainBookRead.Serves(db)
            ? await PlainBookRead.OpenLoansAsync(db, details.Id, today, cancellationToken)
            : await LoanQueries.OpenOfAsync(db, details.Id, today, cancellationToken);
        return loans.Count == 0 ? details : details with
        {
            Loans = loans,
            Lines = [.. details.Lines, new BookLine("On loan", LoanQueries.Describe(loans))],
        };
    }
}
