using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Authors;

/// <summary>Finds an author by what a user types: an id, or a name written any way that folds to the same key.</summary>
internal static class AuthorLookup
{
    public static async Task<Result<Author>> FindAsync(ShelfDbContext db, string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        Author? author = null;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            author = await db.Authors.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        }

        if (author is null && AuthorName.TryParse(text, out var name, out _))
        {
            author = await db.Authors.SingleOrDefaultAsync(a => a.NameKey == name.Key, cancellationToken);
        }

        if (author is not null)
        {
            return author;
        }

        return Error.NotFound(AuthorErrorCodes.NotFound, await NotFoundMessageAsync(db, text, cancellationToken));
    }

    // Suggest near names, since "Tolkien" alone is a likely thing to type.
    private static async Task<string> NotFoundMessageAsync(ShelfDbContext db, string text, CancellationToken cancellationToken)
    {
        var key = TextKey.Normalize(text);
        var near = key.Length == 0
            ? []
            : await db.Authors.Where(a => a.NameKey.Contains(key)).OrderBy(a => a.SortName).Take(3).Select(a => $"{a.Name} (id {a.Id})").ToListAsync(cancellationToken);
        var shown = UserText.Shorten(text);
        return near.Count == 0
            ? $"no author '{shown}'"
            : $"no author '{shown}'; did you mean {string.Join(", ", near)}?";
    }
}
