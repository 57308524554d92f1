using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Loans;

namespace Shelf.Core.Features.Catalog;

/// <summary>
/// The loans an import's rows record, written once its books are: borrowers found by their
/// folded name or made, a loan the book already has (same borrower, same start) left alone, and
/// the loan limit kept as <see cref="LendBook"/> keeps it. An open loan the book has no copy left
/// for is a warning naming the line: the book is kept, the loan is not (the database's trigger
/// would refuse it, and with it the whole import).
/// </summary>
internal sealed class ImportLoans(ShelfDbContext db)
{
    private readonly List<(long Line, int BookId, IReadOnlyList<ImportedLoan> Loans)> _queued = [];

    public void Queue(long line, int bookId, IReadOnlyList<ImportedLoan> loans)
    {
        if (loans.Count > 0)
        {
            _queued.Add((line, bookId, loans));
        }
    }

    /// <summary>Writes the queued loans inside the import's transaction; returns how many were added.</summary>
    public async Task<int> WriteAsync(ImportTally tally, CancellationToken cancellationToken)
    {
        if (_queued.Count == 0)
        {
            return 0;
        }

        var bookIds = _queued.Select(q => q.BookId).Distinct().ToList();
        var books = await db.Books.AsNoTracking().Where(b => EF.Parameter(bookIds).Contains(b.Id))
            .Select(b => new { b.Id, b.Title, b.OwnedCopies })
            .ToDictionaryAsync(b => b.Id, cancellationToken);
        var stored = (await db.Loans.AsNoTracking().Where(l => l.BookId != null && EF.Parameter(bookIds).Contains(l.BookId.Value))
            .Select(l => new StoredLoan(l.BookId!.Value, l.Borrower.NameKey, l.Borrower.Name, l.LentAt, l.ReturnedAt == null))
            .ToListAsync(cancellationToken))
            .GroupBy(l => l.BookId).ToDictionary(g => g.Key, g => g.ToList());
        var keys = _queued.SelectMany(q => q.Loans).Select(l => l.Borrower.Key).Distinct().ToList();
        var borrowers = await db.Borrowers.Where(b => EF.Parameter(keys).Contains(b.NameKey)).ToDictionaryAsync(b => b.NameKey, cancellationToken);

        var added = 0;
        foreach (var (line, bookId, loans) in _queued)
        {
            var book = books[bookId];
            var copies = Math.Max(book.OwnedCopies ?? 1, 1);
            if (!stored.TryGetValue(bookId, out var ofBook))
            {
                stored[bookId] = ofBook = [];
            }

            foreach (var loan in loans)
            {
                var key = loan.Borrower.Key;
                if (ofBook.Exists(s => s.BorrowerKey == key && s.LentAt == loan.LentAt))
                {
                    continue;
                }

                var open = ofBook.Where(s => s.Open).ToList();
                if (loan.ReturnedAt is null && (open.Count >= copies || open.Exists(s => s.BorrowerKey == key)))
                {
                    tally.Warn(line, $"the loan to {loan.Borrower.Display} was not recorded: book {bookId} ({UserText.Shorten(book.Title)}) is already out to "
                        + $"{UserText.List([.. open.Select(s => s.Borrower)])} and has {(copies == 1 ? "one copy" : $"{copies} copies")}; the book was imported without it");
                    continue;
                }

                if (!borrowers.TryGetValue(key, out var borrower))
                {
                    borrower = new Borrower { Name = loan.Borrower.Display, NameKey = key, Contact = loan.Contact };
                    borrowers[key] = borrower;
                    db.Borrowers.Add(borrower);
                }

                db.Loans.Add(new Loan
                {
                    BookId = bookId,
                    BookTitle = book.Title,
                    Borrower = borrower,
                    LentAt = loan.LentAt,
                    ReturnedAt = loan.ReturnedAt,
                    DueOn = loan.DueOn,
                    Note = loan.Note,
                });
                ofBook.Add(new StoredLoan(bookId, key, borrower.Name, loan.LentAt, loan.ReturnedAt is null));
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return added;
    }

    private sealed record StoredLoan(int BookId, string BorrowerKey, string Borrower, DateTime LentAt, bool Open);
}
