using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Books;

/// <summary>
/// Turns a page of book ids into listing rows with two index lookups: the books, then their
/// credits (one statement doing both on PostgreSQL). Every listing first finds the ids of its page
/// and then reads only those; projecting the credits inside the paging query made SQLite
/// materialize the whole credits join first.
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
        if (db.Provider == DatabaseProvider.Postgres)
        {
            return InOrder(ids, await TogetherAsync(db, idList, cancellationToken));
        }

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

        return InOrder(ids, books.Values.Select(b => new BookSummary(b.Id, b.Title, [.. credits[b.Id]], b.Pages, b.Isbn13, b.YearPublished, b.Publisher)
        {
            OriginalPublicationYear = b.OriginalPublicationYear,
        }));
    }

    // PostgreSQL in one statement: its planner looks up each page book's credits by the book's id
    // (the page is at most a thousand ids, known to the planner as such), so the join costs what
    // the second lookup cost, less a round trip.
    private static Task<List<BookSummary>> TogetherAsync(ShelfDbContext db, List<int> idList, CancellationToken cancellationToken) =>
        db.Books.AsNoTracking()
            .Where(b => EF.Parameter(idList).Contains(b.Id))
            .Select(b => new BookSummary(b.Id, b.Title, b.Authors.OrderBy(ba => ba.Position).Select(ba => ba.Author.Name).ToList(), b.Pages, b.Isbn13, b.YearPublished, b.Publisher)
            {
                OriginalPublicationYear = b.OriginalPublicationYear,
            })
            .ToListAsync(cancellationToken);

    private static List<BookSummary> InOrder(IReadOnlyList<int> ids, IEnumerable<BookSummary> books)
    {
        var byId = books.ToDictionary(b => b.Id);
        var rows = new List<BookSummary>(ids.Count);
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var b))
            {
                rows.Add(b);
            }
        }

        return rows;
    }
}
