using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Books;

/// <summary>Shows one book, named by id or ISBN.</summary>
public sealed class GetBook(ShelfDbContext db)
{
    public async Task<Result<BookDetails>> ExecuteAsync(string reference, CancellationToken cancellationToken)
    {
        var id = await BookQueries.ResolveIdAsync(db, reference, cancellationToken);
        var details = id is null ? null : await BookQueries.DetailsAsync(db, id.Value, cancellationToken);
        return details is null ? BookErrors.NotFound(reference) : details;
    }
}
