using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog;

/// <summary>A loan a file records for its book: open while <see cref="ReturnedAt"/> is null.</summary>
internal sealed record ImportedLoan(AuthorName Borrower, DateTime LentAt, DateTime? ReturnedAt)
{
    public DateOnly? DueOn { get; init; }

    public string? Note { get; init; }

    public string? Contact { get; init; }
}
