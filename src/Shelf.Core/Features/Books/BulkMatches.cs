using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Search;

namespace Shelf.Core.Features.Books;

/// <summary>The two passes of a bulk change (<see cref="EditBooks"/>, <see cref="RemoveBooks"/>) over the books a search matches.</summary>
internal static class BulkMatches
{
    /// <summary>
    /// Finds the matches before any transaction, so a bad query fails before the write lock is
    /// asked for; a dry run ends here, with the books listed (null: go on to the change).
    /// </summary>
    public static async Task<Result<BulkChange?>> RehearseAsync(ShelfDbContext db, string where, bool dryRun, CancellationToken cancellationToken)
    {
        var ids = await new SearchBooks(db).MatchingIdsAsync(where, cancellationToken);
        if (!ids.IsSuccess)
        {
            return ids.Error!;
        }

        return dryRun ? new BulkChange(ids.Value.Count, ids.Value, await BookSummaries.ForIdsAsync(db, ids.Value, cancellationToken)) : (BulkChange?)null;
    }

    /// <summary>The matches again, inside the caller's transaction: the books changed are those that match at that moment.</summary>
    public static async Task<List<int>> CurrentAsync(ShelfDbContext db, string where, CancellationToken cancellationToken) =>

        // The rehearsal parsed the same query, so this cannot fail.
        (await new SearchBooks(db).MatchingIdsAsync(where, cancellationToken)).Value;
}
