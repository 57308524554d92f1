using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Shelves;

/// <summary>
/// Finds a shelf by its key or creates it, for writes made through EF (<c>edit --shelf</c> and
/// an import's updates): one made earlier in the same unit of work first (two books put on a
/// new shelf in one save must share it, not collide on its unique key), then the stored one,
/// else a new shelf with the name as given. The bulk writers do the same in SQL, by key.
/// </summary>
internal static class ShelfTags
{
    public static async Task<Tag> FindOrAddAsync(ShelfDbContext db, string name, CancellationToken cancellationToken)
    {
        var key = TextKey.Normalize(name);
        return db.Tags.Local.FirstOrDefault(t => t.NameKey == key)
            ?? await db.Tags.SingleOrDefaultAsync(t => t.NameKey == key, cancellationToken)
            ?? db.Tags.Add(new Tag { Name = name, NameKey = key }).Entity;
    }
}
