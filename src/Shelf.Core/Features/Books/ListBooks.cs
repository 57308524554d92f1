using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Shelves;

namespace Shelf.Core.Features.Books;

/// <summary>How a listing is ordered.</summary>
public enum BookSort
{
    Title,
    Author,
    Year,
    Pages,
    Added,
    Id,
}

/// <summary>What to list: optional author filter (any part of a name), order, and a page.</summary>
public sealed record ListBooksRequest
{
    public BookSort Sort { get; init; } = BookSort.Title;

    public bool Descending { get; init; }

    public string? Author { get; init; }

    /// <summary>Only books on this shelf: the one of exactly that name, else every shelf whose name folds to it ("Sci-Fi" finds "sci fi").</summary>
    public string? Shelf { get; init; }

    /// <summary>Only books with this reading status (built-in names and their other names, or an own shelf).</summary>
    public string? Status { get; init; }

    /// <summary>Only books out on loan now.</summary>
    public bool Lent { get; init; }

    /// <summary>Most books to return; null for all.</summary>
    public int? Limit { get; init; }

    public int Offset { get; init; }

    /// <summary>Also count every matching book (a second query); hosts ask only when they show it.</summary>
    public bool CountTotal { get; init; }
}

/// <summary>A page of books and, when asked for, how many match in all.</summary>
public sealed record BookPage(IReadOnlyList<BookSummary> Books, int? Total);

/// <summary>
/// Lists books, sorted and filtered, at the cost of a page whatever the size of the library: the
/// query finds the ids of the page by walking an index of the sort order (or the few books a
/// narrow filter names), then <see cref="BookSummaries"/> reads just those books.
/// </summary>
public sealed class ListBooks(ShelfDbContext db)
{
    /// <summary>
    /// A filter that matches at most this many books is gathered from its own index and only those
    /// are sorted; a commoner one is checked book by book while walking the sort order, which fills
    /// a page quickly precisely because it is common.
    /// </summary>
    internal int FewBooks { get; init; } = 5_000;

    /// <summary>Authors read per step of the author-order walk: a few hundred credits, one round trip.</summary>
    internal int AuthorsPerStep { get; init; } = 500;

    /// <summary>
    /// Whether <see cref="ExecuteAsync(SqliteLibrary, ListBooksRequest, CancellationToken)"/> serves
    /// <paramref name="request"/>: a valid page with no filter, in any order but author.
    /// </summary>
    public static bool ServesWithoutEf(ListBooksRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return UnfilteredBookPage.Serves(request) && request.Limit >= 0 && request.Offset >= 0;
    }

    /// <summary>The page on a SQLite library opened without EF; only for a request <see cref="ServesWithoutEf"/> accepts.</summary>
    public static async Task<Result<BookPage>> ExecuteAsync(SqliteLibrary library, ListBooksRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (!ServesWithoutEf(request))
        {
            throw new ArgumentException("this listing needs EF; open the library through ShelfDatabase", nameof(request));
        }

        var (page, count) = await UnfilteredBookPage.ReadAsync(library.Connection, request, cancellationToken);
        return new BookPage(await BookSummaries.ForIdsAsync(library.Connection, page, cancellationToken), count);
    }

    public async Task<Result<BookPage>> ExecuteAsync(ListBooksRequest request, CancellationToken cancellationToken)
    {
        if (request.Limit is < 0 || request.Offset < 0)
        {
            return Error.Invalid(BookErrorCodes.ListBadPage, "limit and offset must be 0 or more");
        }

        string? status = null;
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            var parsed = PersonalRules.Status(request.Status);
            if (!parsed.IsSuccess)
            {
                return parsed.Error!;
            }

            status = parsed.Value;
        }

        if (UnfilteredBookPage.Serves(request))
        {
            var (page, count) = await UnfilteredBookPage.ReadAsync(db, request, cancellationToken);
            return new BookPage(await BookSummaries.ForIdsAsync(db, page, cancellationToken), count);
        }

        var books = await FilterAsync(request, status, cancellationToken);
        int? total = request.CountTotal ? await books.Counted.CountAsync(cancellationToken) : null;
        var limit = request.Limit ?? int.MaxValue;
        List<int> ids;
        if (limit == 0)
        {
            ids = [];
        }
        else if (request.Sort == BookSort.Author && !books.Narrow)
        {
            ids = await ByAuthorWalkAsync(books.Query, request.Descending, request.Offset, limit, cancellationToken);
        }
        else
        {
            var page = Order(books.Query, request.Sort, request.Descending).Skip(request.Offset);
            if (request.Limit is { } some)
            {
                page = page.Take(some);
            }

            ids = await page.Select(b => b.Id).ToListAsync(cancellationToken);
        }

        return new BookPage(await BookSummaries.ForIdsAsync(db, ids, cancellationToken), total);
    }

    /// <summary>
    /// The filtered books to walk for a page; the same books put to count them all (a common author
    /// filter is checked otherwise, see <see cref="FilterAsync"/>); and whether the filters narrowed
    /// them to a few gathered ids.
    /// </summary>
    private sealed record Filtered(IQueryable<Book> Query, IQueryable<Book> Counted, bool Narrow);

    private async Task<Filtered> FilterAsync(ListBooksRequest request, string? status, CancellationToken cancellationToken)
    {
        IQueryable<Book> books = db.Books.AsNoTracking();
        IQueryable<Book> counted = books;
        void Keep(System.Linq.Expressions.Expression<Func<Book, bool>> rule)
        {
            books = books.Where(rule);
            counted = counted.Where(rule);
        }

        List<int>? few = null;
        if (!string.IsNullOrWhiteSpace(request.Author))
        {
            var key = TextKey.Normalize(request.Author);
            var authorIds = await db.Authors.Where(a => a.NameKey.Contains(key)).Select(a => a.Id).Take(FewBooks + 1).ToListAsync(cancellationToken);
            var bookIds = authorIds.Count > FewBooks
                ? null
                : await db.BookAuthors.Where(ba => EF.Parameter(authorIds).Contains(ba.AuthorId)).Select(ba => ba.BookId).Distinct().Take(FewBooks + 1).ToListAsync(cancellationToken);
            few = Narrower(few, bookIds);
            if (bookIds is null || bookIds.Count > FewBooks)
            {
                // A page walks the sort order and checks each book's credits: a common name fills it
                // after a few hundred books. Counting them all that way checks every book's credits
                // (4 s at 1M books), so the count starts from the matching people instead: one pass
                // over the name index, then their credits by author_id (0.4 s for 16,000 people).
                books = books.Where(b => b.Authors.Any(a => a.Author.NameKey.Contains(key)));
                var people = db.Authors.Where(a => a.NameKey.Contains(key)).Select(a => a.Id);
                var credited = db.BookAuthors.Where(ba => people.Contains(ba.AuthorId)).Select(ba => ba.BookId);
                counted = counted.Where(b => credited.Contains(b.Id));
            }
        }

        if (!string.IsNullOrWhiteSpace(request.Shelf))
        {
            var tagIds = await ShelfTags.MatchingAsync(db, request.Shelf, cancellationToken);
            var bookIds = await db.BookTags.Where(bt => EF.Parameter(tagIds).Contains(bt.TagId)).Select(bt => bt.BookId).Distinct().Take(FewBooks + 1).ToListAsync(cancellationToken);
            few = Narrower(few, bookIds);
            if (bookIds.Count > FewBooks)
            {
                Keep(b => b.Tags.Any(t => EF.Parameter(tagIds).Contains(t.TagId)));
            }
        }

        if (status is not null)
        {
            var bookIds = await db.Books.Where(b => b.Status == status).Select(b => b.Id).Take(FewBooks + 1).ToListAsync(cancellationToken);
            few = Narrower(few, bookIds);
            if (bookIds.Count > FewBooks)
            {
                // Concatenated so that neither database reads the status index for a common status:
                // walking the sort order and checking each book finds a page sooner.
                // The count, which reads them all anyway, does read it.
                books = books.Where(b => b.Status + "" == status);
                counted = counted.Where(b => b.Status == status);
            }
        }

        if (request.Lent)
        {
            // Open loans are few (a partial index holds them): gather their books like a narrow filter.
            var bookIds = await db.Loans.Where(l => l.ReturnedAt == null && l.BookId != null).Select(l => l.BookId!.Value).Distinct().Take(FewBooks + 1).ToListAsync(cancellationToken);
            few = Narrower(few, bookIds);
            if (bookIds.Count > FewBooks)
            {
                Keep(b => db.Loans.Any(l => l.BookId == b.Id && l.ReturnedAt == null));
            }
        }

        if (few is not null)
        {
            Keep(b => EF.Parameter(few).Contains(b.Id));
        }

        return new Filtered(books, counted, few is not null);
    }

    // The ids both narrow filters allow; a filter too common to gather (null or over FewBooks) narrows nothing.
    private List<int>? Narrower(List<int>? so, List<int>? found) =>
        found is null || found.Count > FewBooks ? so
        : so is null ? found
        : [.. so.Intersect(found)];

    /// <summary>
    /// Books by first author: walks the authors in sort-name order, a step at a time, and takes the
    /// books each is first on (by title). Sorting books by a joined column would read every credit
    /// first; this reads about as many as the page needs. Books without a first author come last.
    /// </summary>
    private async Task<List<int>> ByAuthorWalkAsync(IQueryable<Book> books, bool descending, int offset, int limit, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        var skip = offset;
        (string SortName, int Id)? after = null;
        while (true)
        {
            var authors = db.Authors.AsNoTracking();
            if (after is { } last)
            {
                // The range alone lets an index serve it; the second condition steps past ties.
                authors = descending
                    ? authors.Where(a => string.Compare(a.SortName, last.SortName) <= 0).Where(a => string.Compare(a.SortName, last.SortName) < 0 || a.Id < last.Id)
                    : authors.Where(a => string.Compare(a.SortName, last.SortName) >= 0).Where(a => string.Compare(a.SortName, last.SortName) > 0 || a.Id > last.Id);
            }

            var step = await (descending ? authors.OrderByDescending(a => a.SortName).ThenByDescending(a => a.Id) : authors.OrderBy(a => a.SortName).ThenBy(a => a.Id))
                .Take(AuthorsPerStep).Select(a => new { a.SortName, a.Id }).ToListAsync(cancellationToken);
            if (step.Count == 0)
            {
                break;
            }

            after = (step[^1].SortName, step[^1].Id);
            var authorIds = step.Select(a => a.Id).ToList();
            var firstOn = from ba in db.BookAuthors
                          where ba.Position == 0 && EF.Parameter(authorIds).Contains(ba.AuthorId)
                          join b in books on ba.BookId equals b.Id
                          select new { ba.Author.SortName, ba.AuthorId, b.TitleKey, b.Id };
            var ordered = descending
                ? firstOn.OrderByDescending(x => x.SortName).ThenByDescending(x => x.AuthorId).ThenByDescending(x => x.TitleKey).ThenByDescending(x => x.Id)
                : firstOn.OrderBy(x => x.SortName).ThenBy(x => x.AuthorId).ThenBy(x => x.TitleKey).ThenBy(x => x.Id);
            var found = await ordered.Select(x => x.Id).ToListAsync(cancellationToken);
            var taken = found.Skip(skip).Take(limit - ids.Count);
            skip = Math.Max(0, skip - found.Count);
            ids.AddRange(taken);
            if (ids.Count == limit)
            {
                return ids;
            }
        }

        var withoutAuthor = books.Where(b => !b.Authors.Any(a => a.Position == 0));
        var rest = descending
            ? withoutAuthor.OrderByDescending(b => b.TitleKey).ThenByDescending(b => b.Id)
            : withoutAuthor.OrderBy(b => b.TitleKey).ThenBy(b => b.Id);
        ids.AddRange(await rest.Skip(skip).Take(limit - ids.Count).Select(b => b.Id).ToListAsync(cancellationToken));
        return ids;
    }

    // Every order ends on Id so pages are stable on both databases. Books without a first author
    // sort last by author here too, as in the walk.
    internal static IQueryable<Book> Order(IQueryable<Book> books, BookSort sort, bool descending) => (sort, descending) switch
    {
        (BookSort.Title, false) => books.OrderBy(b => b.TitleKey).ThenBy(b => b.Id),
        (BookSort.Title, true) => books.OrderByDescending(b => b.TitleKey).ThenByDescending(b => b.Id),
        (BookSort.Author, false) => books.OrderBy(b => b.Authors.Any(a => a.Position == 0) ? 0 : 1).ThenBy(FirstAuthorSortName).ThenBy(FirstAuthorId).ThenBy(b => b.TitleKey).ThenBy(b => b.Id),
        (BookSort.Author, true) => books.OrderBy(b => b.Authors.Any(a => a.Position == 0) ? 0 : 1).ThenByDescending(FirstAuthorSortName).ThenByDescending(FirstAuthorId).ThenByDescending(b => b.TitleKey).ThenByDescending(b => b.Id),
        (BookSort.Year, false) => books.OrderBy(b => b.YearPublished).ThenBy(b => b.TitleKey).ThenBy(b => b.Id),
        (BookSort.Year, true) => books.OrderByDescending(b => b.YearPublished).ThenByDescending(b => b.TitleKey).ThenByDescending(b => b.Id),
        (BookSort.Pages, false) => books.OrderBy(b => b.Pages).ThenBy(b => b.Id),
        (BookSort.Pages, true) => books.OrderByDescending(b => b.Pages).ThenByDescending(b => b.Id),
        (BookSort.Added, false) => books.OrderBy(b => b.AddedAt).ThenBy(b => b.Id),
        (BookSort.Added, true) => books.OrderByDescending(b => b.AddedAt).ThenByDescending(b => b.Id),
        (_, false) => books.OrderBy(b => b.Id),
        (_, true) => books.OrderByDescending(b => b.Id),
    };

    private static readonly System.Linq.Expressions.Expression<Func<Book, string?>> FirstAuthorSortName =
        b => b.Authors.Where(a => a.Position == 0).Select(a => a.Author.SortName).FirstOrDefault();

    private static readonly System.Linq.Expressions.Expression<Func<Book, int?>> FirstAuthorId =
        b => b.Authors.Where(a => a.Position == 0).Select(a => (int?)a.AuthorId).FirstOrDefault();
}
