namespace Shelf.Core.Features.Loans;

/// <summary>One loan as every host shows it.</summary>
public sealed record LoanView
{
    public required long Id { get; init; }

    /// <summary>The book; null once it has been removed from the catalog (the title stays).</summary>
    public int? BookId { get; init; }

    public required string Title { get; init; }

    public required string Borrower { get; init; }

    public string? Contact { get; init; }

    public required DateTime LentAt { get; init; }

    public DateOnly? DueOn { get; init; }

    public DateTime? ReturnedAt { get; init; }

    public string? Note { get; init; }

    /// <summary>Still out after its due day (as of the day the list was read, UTC).</summary>
    public bool Overdue { get; init; }
}
