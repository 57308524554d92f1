using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Sales;

namespace Shelf.Core.Features.Loans;

/// <summary>A book coming back; <see cref="Borrower"/> says from whom when it is out to more than one.</summary>
public sealed record ReturnBookRequest(string Book)
{
    public string? Borrower { get; init; }
}

/// <summary>Closes the open loan of a book. A book that is not out is not found: there is nothing to return.</summary>
public sealed class ReturnBook(ShelfDbContext db, TimeProvider clock)
{
    public async Task<Result<LoanView>> ExecuteAsync(ReturnBookRequest request, CancellationToken cancellationToken)
    {
        var today = LoanQueries.Today(clock);
        string? key = null;
        if (request.Borrower is not null)
        {
            var name = LoanRules.Borrower(request.Borrower);
            if (name.Error is { } invalid)
            {
                return invalid;
            }

            key = name.Value!.Key;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var bookId = await BookQueries.ResolveIdAsync(db, request.Book, cancellationToken);
        if (bookId is null)
        {
            return BookErrors.NotFound(request.Book);
        }

        await BookQueries.LockAsync(db, bookId.Value, cancellationToken);
        var open = await db.Loans.Where(l => l.BookId == bookId && l.ReturnedAt == null)
            .Include(l => l.Borrower)
            .OrderBy(l => l.LentAt).ThenBy(l => l.Id)
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            var title = await db.Books.Where(b => b.Id == bookId).Select(b => b.Title).SingleAsync(cancellationToken);
            return Error.NotFound(LoanErrorCodes.NotLent, $"book {bookId} ({UserText.Shorten(title)}) is not lent to anyone, so there is nothing to return");
        }

        var matching = key is null ? open : open.Where(l => l.Borrower.NameKey == key).ToList();
        if (matching.Count == 0)
        {
            return Error.NotFound(
                LoanErrorCodes.NotLentTo,
                $"book {bookId} is not lent to {UserText.Shorten(request.Borrower)}; it is out to {UserText.List([.. open.Select(l => l.Borrower.Name)])}");
        }

        if (matching.Count > 1)
        {
            return Error.Invalid(
                LoanErrorCodes.ReturnWhich,
                $"book {bookId} is out to {UserText.List([.. open.Select(l => l.Borrower.Name)])}; say whose copy came back");
        }

        var loan = matching[0];
        loan.ReturnedAt = SaleRules.Now(clock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await LoanQueries.Views(db.Loans.AsNoTracking().Where(l => l.Id == loan.Id), today).SingleAsync(cancellationToken);
    }
}
