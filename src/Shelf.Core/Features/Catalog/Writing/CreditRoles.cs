using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// A credit's role as the book_authors.role column stores it: what EF's converter writes
/// (<c>role.ToString().ToLowerInvariant()</c>), without a new string for each of a million credits.
/// </summary>
internal static class CreditRoles
{
    public static string Text(AuthorRole role) => role switch
    {
        AuthorRole.Author => "author",
        AuthorRole.Editor => "editor",
        AuthorRole.Translator => "translator",
        AuthorRole.Illustrator => "illustrator",
        AuthorRole.Narrator => "narrator",
        _ => "contributor",
    };
}
