using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Shelves;

/// <summary>A shelf and how many books are on it.</summary>
public sealed record ShelfSummary(int Id, string Name, int BookCount);

/// <summary>Which shelves to list: a page of them, by name.</summary>
public sealed record ListShelvesRequest
{
    /// <summary>Most shelves to return; null for all.</summary>
    public int? Limit { get; init; }

    public int Offset { get; init; }

    /// <summary>Also count every shelf (a second query); hosts ask only when they show it.</summary>
    public bool CountTotal { get; init; }
}

/// <summary>A page of shelves and, when asked for, how many there are in all.</summary>
public sealed record ShelfPage(IReadOnlyList<ShelfSummary> Shelves, int? Total);

/// <summary>Lists the shelves, by name, with their book counts.</summary>
public sealed class ListShelves(ShelfDbContext db)
{
    public async Task<Result<ShelfPage>> ExecuteAsync(ListShelvesRequest request, CancellationToken cancellationToken)
    {
        if (request.Limit is < 0 || request.Offset < 0)
        {
            return Error.Invalid(BookErrorCodes.ListBadPage, "limit and offset must be 0 or more");
        }

        int? total = request.CountTotal ? await db.Tags.CountAsync(cancellationToken) : null;
        var shelves = db.Tags.AsNoTracking().OrderBy(t => t.NameKey).ThenBy(t => t.Id).Skip(request.Offset);
        if (request.Limit is { } limit)
        {
            shelves = shelves.Take(limit);
        }

        return new ShelfPage(await shelves.Select(t => new ShelfSummary(t.Id, t.Name, t.Books.Count)).ToListAsync(cancellationToken), total);
    }
}
