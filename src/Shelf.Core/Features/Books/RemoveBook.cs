using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Books;

/// <summary>Removes a book and its credits, tags and identifiers. Its authors stay: they are people, not book parts.</summary>
public sealed class RemoveBook(ShelfDbContext db)
{
    public async Task<Result<BookSummary>> ExecuteAsync(string reference, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = await BookQueries.ResolveIdAsync(db, reference, cancellationToken);
        if (id is null)
        {
            return BookErrors.NotFound(reference);
        }

        var summary = (await BookSummaries.ForIdsAsync(db, [id.Value], cancellationToken))[0];
        await db.Books.Where(b => b.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }
}
