namespace Shelf.Core.Domain;

/// <summary>
/// One copy of a book lent to a borrower: open while <see cref="ReturnedAt"/> is null. A book is
/// out to at most max(owned copies, 1) borrowers at once; the database refuses more
/// (<c>LoanLimitSql</c>). Rows are history and outlive the book: removing it clears
/// <see cref="BookId"/> and the row keeps <see cref="BookTitle"/>.
/// </summary>
public class Loan
{
    public const int MaxNoteLength = 2000;

    public long Id { get; set; }

    /// <summary>The book lent; null once the book has been removed from the catalog.</summary>
    public int? BookId { get; set; }

    public Book? Book { get; set; }

    /// <summary>The book's title when it was lent, kept so removing the book never rewrites history.</summary>
    public string BookTitle { get; set; } = string.Empty;

    public int BorrowerId { get; set; }

    public Borrower Borrower { get; set; } = null!;

    /// <summary>When the book went out (UTC).</summary>
    public DateTime LentAt { get; set; }

    /// <summary>The day it is due back, if one was agreed.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>When it came back (UTC); null while it is out.</summary>
    public DateTime? ReturnedAt { get; set; }

    public string? Note { get; set; }
}
