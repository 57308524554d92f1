using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Search;

namespace Shelf.Core.Features.Books;

/// <summary>Every book a search matches (the language of <see cref="SearchBooks"/>); <see cref="DryRun"/> only finds them.</summary>
public sealed record RemoveBooksRequest(string Where)
{
    public bool DryRun { get; init; }
}

/// <summary>
/// Removes every book a search matches, with their credits, shelves and identifiers, in one
/// transaction (the query is run again inside it). Authors stay, and sales keep their record of
/// each book, as with <see cref="RemoveBook"/>.
/// </summary>
public sealed class RemoveBooks(ShelfDbContext db)
{
    private const int Batch = 5_000;

    public async Task<Result<BulkChange>> ExecuteAsync(RemoveBooksRequest request, CancellationToken cancellationToken)
    {
        var rehearsal = await BulkMatches.RehearseAsync(db, request.Where, request.DryRun, cancellationToken);
        if (!rehearsal.IsSuccess)
        {
            return rehearsal.Error!;
        }

        if (rehearsal.Value is { } preview)
        {
            return preview with { OnLoan = await OnLoanAsync(preview.Ids, cancellationToken) };
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await BulkMatches.CurrentAsync(db, request.Where, cancellationToken);
        foreach (var chunk in ids.Chunk(Batch))
        {
            await db.Books.Where(b => EF.Parameter(chunk).Contains(b.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new BulkChange(ids.Count, ids, null);
    }

    // The loans' history keeps the title of a removed book; the question should still say some are out.
    private async Task<int> OnLoanAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var lent = 0;
        foreach (var chunk in ids.Chunk(Batch))
        {
            lent += await db.Loans.Where(l => l.ReturnedAt == null && l.BookId != null && EF.Parameter(chunk).Contains(l.BookId.Value))
                .Select(l => l.BookId).Distinct().CountAsync(cancellationToken);
        }

        return lent;
    }
}
