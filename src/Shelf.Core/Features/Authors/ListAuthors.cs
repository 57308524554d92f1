using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Authors;

/// <summary>Which authors to list and in what order.</summary>
public sealed record ListAuthorsRequest
{
    /// <summary>Any part of a name; null for everyone.</summary>
    public string? Filter { get; init; }

    /// <summary>Most prolific first instead of by name.</summary>
    public bool ByBookCount { get; init; }

    public int? Limit { get; init; }
}

/// <summary>Lists authors with how many books each is credited on.</summary>
public sealed class ListAuthors(ShelfDbContext db)
{
    public async Task<Result<IReadOnlyList<AuthorSummary>>> ExecuteAsync(ListAuthorsRequest request, CancellationToken cancellationToken)
    {
        if (request.Limit is < 0)
        {
            return Error.Invalid(BookErrorCodes.ListBadPage, "the limit must be 0 or more");
        }

        IQueryable<Author> authors = db.Authors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Filter))
        {
            var key = TextKey.Normalize(request.Filter);
            authors = authors.Where(a => a.NameKey.Contains(key));
        }

        var counted = authors.Select(a => new { a.Id, a.Name, a.SortName, BookCount = a.Books.Select(b => b.BookId).Distinct().Count() });
        counted = request.ByBookCount
            ? counted.OrderByDescending(a => a.BookCount).ThenBy(a => a.SortName).ThenBy(a => a.Id)
            : counted.OrderBy(a => a.SortName).ThenBy(a => a.Id);
        if (request.Limit is { } limit)
        {
            counted = counted.Take(limit);
        }

        var rows = counted.Select(a => new AuthorSummary(a.Id, a.Name, a.SortName, a.BookCount));
        return await rows.ToListAsync(cancellationToken);
    }
}
