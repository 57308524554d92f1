using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Loans;

/// <summary>Which loans: open ones unless <see cref="History"/>; only overdue ones, one borrower's or one book's.</summary>
public sealed record ListLoansRequest
{
    public bool Overdue { get; init; }

    public string? Borrower { get; init; }

    public string? Book { get; init; }

    /// <summary>Returned loans too, and loans of books removed since.</summary>
    public bool History { get; init; }
}

/// <summary>Lists loans, oldest first.</summary>
public sealed class ListLoans(ShelfDbContext db, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<LoanView>>> ExecuteAsync(ListLoansRequest request, CancellationToken cancellationToken)
    {
        var today = LoanQueries.Today(clock);
        var loans = db.Loans.AsNoTracking();
        if (!request.History || request.Overdue)
        {
            loans = loans.Where(l => l.ReturnedAt == null);
        }

        if (request.Overdue)
        {
            loans = loans.Where(l => l.DueOn != null && l.DueOn < today);
        }

        if (request.Borrower is not null)
        {
            var name = LoanRules.Borrower(request.Borrower);
            if (name.Error is { } invalid)
            {
                return invalid;
            }

            var key = name.Value!.Key;
            if (!await db.Borrowers.AnyAsync(b => b.NameKey == key, cancellationToken))
            {
                return Error.NotFound(LoanErrorCodes.BorrowerNotFound, $"nobody called {UserText.Shorten(request.Borrower)} has borrowed a book");
            }

            loans = loans.Where(l => l.Borrower.NameKey == key);
        }

        if (request.Book is not null)
        {
            var bookId = await BookQueries.ResolveIdAsync(db, request.Book, cancellationToken);
            if (bookId is null)
            {
                return BookErrors.NotFound(request.Book);
            }

            loans = loans.Where(l => l.BookId == bookId);
        }

        return await LoanQueries.Views(loans.OrderBy(l => l.LentAt).ThenBy(l => l.Id), today).ToListAsync(cancellationToken);
    }
}
