using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Shelves;

/// <summary>
/// The stored key of each shelf name an import's bulk writer meets (<see cref="ShelfKey"/>):
/// the key of the shelf with exactly that name, else the plain folded key while no shelf holds
/// it, else the name's variant. The library's shelves are read once; a library has few.
/// </summary>
internal sealed class ShelfNames
{
    private readonly Dictionary<string, string> _keyByName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    private ShelfNames()
    {
    }

    public static async Task<ShelfNames> LoadAsync(ShelfDbContext db, CancellationToken cancellationToken)
    {
        var names = new ShelfNames();
        await foreach (var tag in db.Tags.AsNoTracking().Select(t => new { t.Name, t.NameKey }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            names._keyByName.TryAdd(tag.Name, tag.NameKey);
            names._keys.Add(tag.NameKey);
        }

        return names;
    }

    public string KeyOf(string name)
    {
        if (_keyByName.TryGetValue(name, out var key))
        {
            return key;
        }

        var fold = ShelfKey.Fold(name);
        key = _keys.Contains(fold) ? ShelfKey.Variant(name) : fold;
        _keys.Add(key);
        _keyByName[name] = key;
        return key;
    }
}
