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

    public int Offset { get; init; }

    /// <summary>Also count every matching author (a second query); hosts ask only when they show it.</summary>
    public bool CountTotal { get; init; }
}

/// <summary>A page of authors and, when asked for, how many match in all.</summary>
public sealed record AuthorPage(IReadOnlyList<AuthorSummary> Authors, int? Total);

/// <summary>Lists authors with how many books each is credited on.</summary>
public sealed class ListAuthors(ShelfDbContext db)
{
    public async Task<Result<AuthorPage>> ExecuteAsync(ListAuthorsRequest request, CancellationToken cancellationToken)
    {
        if (request.Limit is < 0 || request.Offset < 0)
        {
            return Error.Invalid(BookErrorCodes.ListBadPage, "limit and offset must be 0 or more");
        }

        IQueryable<Author> authors = db.Authors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Filter))
        {
            var key = TextKey.Normalize(request.Filter);
            authors = authors.Where(a => a.NameKey.Contains(key));
        }

        int? total = request.CountTotal ? await authors.CountAsync(cancellationToken) : null;
        // The count is the database's own (AuthorBookCountSql), so the most prolific first is a walk
        // of the (book_count DESC, sort_name, id) index rather than a count of every author's credits.
        var ordered = request.ByBookCount
            ? authors.OrderByDescending(a => a.BookCount).ThenBy(a => a.SortName).ThenBy(a => a.Id)
            : authors.OrderBy(a => a.SortName).ThenBy(a => a.Id);
        var counted = ordered.Skip(request.Offset);
        if (request.Limit is { } limit)
        {
            counted = counted.Take(limit);
        }

        var rows = counted.Select(a => new AuthorSummary(a.Id, a.Name, a.SortName, a.BookCount));
        return new AuthorPage(await rows.ToListAsync(cancellationToken), total);
    }
}
