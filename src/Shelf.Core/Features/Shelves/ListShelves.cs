using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Shelves;

/// <summary>A shelf and how many books are on it.</summary>
public sealed record ShelfSummary(int Id, string Name, int BookCount);

/// <summary>Lists the shelves, by name, with their book counts.</summary>
public sealed class ListShelves(ShelfDbContext db)
{
    public async Task<IReadOnlyList<ShelfSummary>> ExecuteAsync(CancellationToken cancellationToken) =>
        await db.Tags.AsNoTracking()
            .OrderBy(t => t.NameKey)
            .Select(t => new ShelfSummary(t.Id, t.Name, t.Books.Count))
            .ToListAsync(cancellationToken);
}
