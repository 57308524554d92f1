using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

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

    /// <summary>Only books on this shelf (matched by its key: "Sci-Fi" finds "sci fi").</summary>
    public string? Shelf { get; init; }

    /// <summary>Only books with this reading status (built-in names and their other names, or an own shelf).</summary>
    public string? Status { get; init; }

    /// <summary>Most books to return; null for all.</summary>
    public int? Limit { get; init; }

    public int Offset { get; init; }

    /// <summary>Also count every matching book (a second query); hosts ask only when they show it.</summary>
    public bool CountTotal { get; init; }
}

/// <summary>A page of books and, when asked for, how many match in all.</summary>
public sealed record BookPage(IReadOnlyList<BookSummary> Books, int? Total);

/// <summary>Lists books, sorted and filtered.</summary>
public sealed class ListBooks(ShelfDbContext db)
{
    public async Task<Result<BookPage>> ExecuteAsync(ListBooksRequest request, CancellationToken cancellationToken)
    {
        if (request.Limit is < 0 || request.Offset < 0)
        {
            return Error.Invalid(BookErrorCodes.ListBadPage, "limit and offset must be 0 or more");
        }

        IQueryable<Book> books = db.Books.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Author))
        {
            var key = TextKey.Normalize(request.Author);
            books = books.Where(b => b.Authors.Any(a => a.Author.NameKey.Contains(key)));
        }

        if (!string.IsNullOrWhiteSpace(request.Shelf))
        {
            var key = TextKey.Normalize(request.Shelf);
            books = books.Where(b => b.Tags.Any(t => t.Tag.NameKey == key));
        }

        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            var status = PersonalRules.Status(request.Status);
            if (!status.IsSuccess)
            {
                return status.Error!;
            }

            books = books.Where(b => b.Status == status.Value);
        }

        int? total = request.CountTotal ? await books.CountAsync(cancellationToken) : null;
        var page = Order(books, request.Sort, request.Descending).Skip(request.Offset);
        if (request.Limit is { } limit)
        {
            page = page.Take(limit);
        }

        var rows = await page.Select(BookQueries.ToSummary).ToListAsync(cancellationToken);
        return new BookPage(rows, total);
    }

    // Every order ends on Id so pages are stable on both databases.
    private static IQueryable<Book> Order(IQueryable<Book> books, BookSort sort, bool descending) => (sort, descending) switch
    {
        (BookSort.Title, false) => books.OrderBy(b => b.TitleKey).ThenBy(b => b.Id),
        (BookSort.Title, true) => books.OrderByDescending(b => b.TitleKey).ThenByDescending(b => b.Id),
        (BookSort.Author, false) => books.OrderBy(FirstAuthorSortName).ThenBy(b => b.TitleKey).ThenBy(b => b.Id),
        (BookSort.Author, true) => books.OrderByDescending(FirstAuthorSortName).ThenByDescending(b => b.TitleKey).ThenByDescending(b => b.Id),
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
}
