using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Books;

/// <summary>
/// Finds the one author row for a name, creating it when new. Remembers what it handed out,
/// so the same person named twice in one unit of work is one row, not a key violation.
/// </summary>
internal sealed class AuthorDirectory(ShelfDbContext db)
{
    private readonly Dictionary<string, Author> _byKey = new(StringComparer.Ordinal);

    public async Task<Author> FindOrCreateAsync(AuthorName name, CancellationToken cancellationToken)
    {
        if (_byKey.TryGetValue(name.Key, out var known))
        {
            return known;
        }

        var author = await db.Authors.SingleOrDefaultAsync(a => a.NameKey == name.Key, cancellationToken)
            ?? db.Authors.Add(Author.From(name)).Entity;
        _byKey[name.Key] = author;
        return author;
    }
}
