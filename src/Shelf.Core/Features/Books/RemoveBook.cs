using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Books;

/// <summary>Removes a book and its credits, tags and identifiers. Its authors stay: they are people, not book parts.</summary>
public sealed class RemoveBook(ShelfDbContext db)
{
    public async Task<Result<BookSummary>> ExecuteAsync(string reference, CancellationToken cancellationToken)
    {
        var id = await BookQueries.ResolveIdAsync(db, reference, cancellationToken);
        if (id is null)
        {
            return BookErrors.NotFound(reference);
        }

        var summary = (await BookSummaries.ForIdsAsync(db, [id.Value], cancellationToken))[0];

        // One statement, atomic by itself with its cascades and index triggers, so the write lock
        // is held for the delete alone; none deleted means another program removed it meanwhile.
        if (await db.Books.Where(b => b.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return BookErrors.NotFound(reference);
        }

        return summary;
    }
}
