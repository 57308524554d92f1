using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Shelves;

/// <summary>
/// Finds the shelf with exactly this name or creates it, for writes made through EF
/// (<c>edit --shelf</c> and an import's updates): one made earlier in the same unit of work
/// counts too (two books put on a new shelf in one save must share it, not collide on its unique
/// key). A new shelf whose folded key another shelf holds gets its variant key (<see cref="ShelfKey"/>).
/// The bulk writers do the same through <see cref="ShelfNames"/>.
/// </summary>
internal static class ShelfTags
{
    public static async Task<Tag> FindOrAddAsync(ShelfDbContext db, string name, CancellationToken cancellationToken)
    {
        var fold = ShelfKey.Fold(name);
        var prefix = ShelfKey.VariantPrefix(fold);

        // Loaded into the context, so the shelves added but not yet saved are looked at with them.
        await db.Tags.Where(t => t.NameKey == fold || t.NameKey.StartsWith(prefix)).LoadAsync(cancellationToken);
        var sameFold = db.Tags.Local.Where(t => ShelfKey.Matches(t.NameKey, fold)).ToList();
        return sameFold.Find(t => t.Name == name)
            ?? db.Tags.Add(new Tag { Name = name, NameKey = sameFold.Exists(t => t.NameKey == fold) ? ShelfKey.Variant(name) : fold }).Entity;
    }

    /// <summary>The shelves a name the user typed means: the one with exactly that name, else every one whose name folds to it.</summary>
    public static async Task<List<int>> MatchingAsync(ShelfDbContext db, string name, CancellationToken cancellationToken)
    {
        var written = Books.BookRules.CollapseSpaces(name);
        var fold = ShelfKey.Fold(written);
        var prefix = ShelfKey.VariantPrefix(fold);
        var shelves = await db.Tags.AsNoTracking().Where(t => t.NameKey == fold || t.NameKey.StartsWith(prefix)).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var exact = shelves.Where(t => t.Name == written).Select(t => t.Id).ToList();
        return exact.Count > 0 ? exact : [.. shelves.Select(t => t.Id)];
    }
}
