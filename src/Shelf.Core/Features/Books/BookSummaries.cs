using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Books;

/// <summary>
/// Turns a page of book ids into listing rows with two index lookups: the books, then their
/// credits. Every listing first finds the ids of its page and then reads only those; projecting
/// the credits inside the paging query made SQLite materialize the whole credits join first.
/// </summary>
internal static class BookSummaries
{
    /// <summary>The books with these ids, in the order given; ids no longer in the library are skipped.</summary>
    public static async Task<List<BookSummary>> ForIdsAsync(ShelfDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var idList = ids as List<int> ?? [.. ids];
        var books = await db.Books.AsNoTracking()
            .Where(b => EF.Parameter(idList).Contains(b.Id))
            .Select(b => new { b.Id, b.Title, b.Pages, b.Isbn13, b.YearPublished, b.OriginalPublicationYear, b.Publisher })
            .ToDictionaryAsync(b => b.Id, cancellationToken);
        var credits = (await db.BookAuthors.AsNoTracking()
            .Where(ba => EF.Parameter(idList).Contains(ba.BookId))
            .OrderBy(ba => ba.BookId).ThenBy(ba => ba.Position)
            .Select(ba => new { ba.BookId, ba.Author.Name })
            .ToListAsync(cancellationToken))
            .ToLookup(c => c.BookId, c => c.Name);

        var rows = new List<BookSummary>(ids.Count);
        foreach (var id in ids)
        {
            if (books.TryGetValue(id, out var b))
            {
                rows.Add(new BookSummary(b.Id, b.Title, [.. credits[id]], b.Pages, b.Isbn13, b.YearPublished, b.Publisher)
                {
                    OriginalPublicationYear = b.OriginalPublicationYear,
                });
            }
        }

        return rows;
    }
}
