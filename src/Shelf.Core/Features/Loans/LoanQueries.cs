using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Loans;

/// <summary>How loans are read: one projection for lend, return, list and show.</summary>
internal static class LoanQueries
{
    public static IQueryable<LoanView> Views(IQueryable<Loan> loans, DateOnly today) => loans.Select(ViewOf(today));

    /// <summary>The projection itself, for queries that read loans inside a larger one (GetBook on PostgreSQL).</summary>
    public static Expression<Func<Loan, LoanView>> ViewOf(DateOnly today) => l => new LoanView
    {
        Id = l.Id,
        BookId = l.BookId,
        Title = l.BookTitle,
        Borrower = l.Borrower.Name,
        Contact = l.Borrower.Contact,
        LentAt = l.LentAt,
        DueOn = l.DueOn,
        ReturnedAt = l.ReturnedAt,
        Note = l.Note,
        Overdue = l.ReturnedAt == null && l.DueOn != null && l.DueOn < today,
    };

    /// <summary>The open loans of one book, oldest first.</summary>
    public static Task<List<LoanView>> OpenOfAsync(ShelfDbContext db, int bookId, DateOnly today, CancellationToken cancellationToken) =>
        Views(db.Loans.AsNoTracking().Where(l => l.BookId == bookId && l.ReturnedAt == null), today)
            .OrderBy(l => l.LentAt).ThenBy(l => l.Id)
            .ToListAsync(cancellationToken);

    /// <summary>"Anne Dupré (due 2026-12-24)".</summary>
    public static string Holder(LoanView loan) =>
        loan.DueOn is { } due ? $"{loan.Borrower} (due {due:yyyy-MM-dd})" : loan.Borrower;

    /// <summary>"Anne Dupré since 2026-12-02, due 2026-12-24 (overdue); Bob since 2026-11-30".</summary>
    public static string Describe(IEnumerable<LoanView> open) => string.Join("; ", open.Select(l =>
        $"{l.Borrower} since {l.LentAt:yyyy-MM-dd}"
        + (l.DueOn is { } due ? $", due {due:yyyy-MM-dd}" : string.Empty)
        + (l.Overdue ? " (overdue)" : string.Empty)));

    public static Error FullyLent(int bookId, string title, IReadOnlyList<LoanView> open, int copies) => Error.Conflict(
        LoanErrorCodes.FullyLent,
        $"book {bookId} ({UserText.Shorten(title)}) is out to {UserText.List([.. open.Select(Holder)])}: "
        + (copies == 1 ? "its one copy is lent" : $"all {copies} of its copies are lent")
        + "; it has to come back first, or record more owned copies");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
