using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Sales;

namespace Shelf.Core.Features.Loans;

/// <summary>What to lend to whom: <see cref="Due"/> a day or <see cref="Period"/> from today (3w), not both.</summary>
public sealed record LendBookRequest(string Book, string Borrower)
{
    public string? Contact { get; init; }

    public string? Due { get; init; }

    public string? Period { get; init; }

    public string? Note { get; init; }
}

/// <summary>
/// Lends a copy of a book. A book is out to at most max(owned copies, 1) borrowers; a fully
/// lent book is a conflict naming who has it. The borrower is found by their folded name or
/// made; a contact given replaces the one kept.
/// </summary>
public sealed class LendBook(ShelfDbContext db, TimeProvider clock)
{
    public async Task<Result<LoanView>> ExecuteAsync(LendBookRequest request, CancellationToken cancellationToken)
    {
        var today = LoanQueries.Today(clock);
        var name = LoanRules.Borrower(request.Borrower);
        var contact = LoanRules.Contact(request.Contact);
        var note = LoanRules.Note(request.Note);
        var due = LoanRules.Due(request.Due, request.Period, today);
        if (Error.FirstOf(name.Error, contact.Error, note.Error, due.Error) is { } invalid)
        {
            return invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var bookId = await BookQueries.ResolveIdAsync(db, request.Book, cancellationToken);
        if (bookId is null)
        {
            return BookErrors.NotFound(request.Book);
        }

        // Lends of one book wait for each other here, so the count below is the one that holds.
        await BookQueries.LockAsync(db, bookId.Value, cancellationToken);
        var book = await db.Books.AsNoTracking().Where(b => b.Id == bookId)
            .Select(b => new { b.Title, b.OwnedCopies })
            .SingleAsync(cancellationToken);
        var copies = Math.Max(book.OwnedCopies ?? 1, 1);
        var open = await LoanQueries.OpenOfAsync(db, bookId.Value, today, cancellationToken);
        if (open.Count >= copies)
        {
            return LoanQueries.FullyLent(bookId.Value, book.Title, open, copies);
        }

        var borrower = await db.Borrowers.SingleOrDefaultAsync(b => b.NameKey == name.Value!.Key, cancellationToken);
        if (borrower is null)
        {
            borrower = new Borrower { Name = name.Value!.Display, NameKey = name.Value.Key };
            db.Borrowers.Add(borrower);
        }
        else if (open.Any(l => l.Borrower == borrower.Name))
        {
            return Error.Conflict(
                LoanErrorCodes.FullyLent,
                $"{borrower.Name} already has book {bookId} ({UserText.Shorten(book.Title)}); record its return before lending it to them again");
        }

        if (contact.Value is not null)
        {
            borrower.Contact = contact.Value;
        }

        var loan = new Loan
        {
            BookId = bookId,
            BookTitle = book.Title,
            Borrower = borrower,
            LentAt = SaleRules.Now(clock),
            DueOn = due.Value,
            Note = note.Value,
        };
        db.Loans.Add(loan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (LoanLimitSql.IsLimitError(e))
        {
            // Another program lent the last copy between the count and the write; the trigger held.
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(cancellationToken);
            return LoanQueries.FullyLent(bookId.Value, book.Title, await LoanQueries.OpenOfAsync(db, bookId.Value, today, cancellationToken), copies);
        }

        await transaction.CommitAsync(cancellationToken);
        return await LoanQueries.Views(db.Loans.AsNoTracking().Where(l => l.Id == loan.Id), today).SingleAsync(cancellationToken);
    }
}
