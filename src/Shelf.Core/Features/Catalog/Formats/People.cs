using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// A mapped column of people (<c>authors</c>, <c>translator</c>, <c>editor</c>, ...), optionally
/// with its separator after a colon (<c>authors:/</c>): the names split the way the source joins
/// them ("J.K. Rowling/Mary GrandPré", "David Graeber &amp; David Wengrow", "A; B").
/// </summary>
internal static class People
{
    public sealed record Field(string Base, AuthorRole Role, string? Separator);

    private static readonly Dictionary<string, AuthorRole> Roles = new(StringComparer.Ordinal)
    {
        ["author"] = AuthorRole.Author,
        ["authors"] = AuthorRole.Author,
        ["translator"] = AuthorRole.Translator,
        ["editor"] = AuthorRole.Editor,
        ["illustrator"] = AuthorRole.Illustrator,
        ["narrator"] = AuthorRole.Narrator,
        ["contributor"] = AuthorRole.Contributor,
    };

    /// <summary>The people field a mapping names, or null for any other field.</summary>
    public static Field? ParseField(string field)
    {
        var colon = field.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? field : field[..colon];
        return Roles.TryGetValue(name, out var role) ? new Field(name, role, colon < 0 ? null : field[(colon + 1)..]) : null;
    }

    /// <summary>Adds a credit for each name of the cell, in order, with the field's role.</summary>
    public static void Map(CatalogRow row, int column, Field field)
    {
        var text = row.Raw(column);
        if (text.Trim().Length == 0)
        {
            return;
        }

        var separator = field.Separator ?? Guess(text, commaToo: field.Base == "authors");
        var names = separator is null ? [text.Trim()] : CatalogValues.SplitNames(text, separator);
        foreach (var name in names)
        {
            row.Credit(name, field.Role, row.Label(column));
        }
    }

    // A comma joins names only in an "authors" column: elsewhere it is "Last, First".
    private static string? Guess(string text, bool commaToo) =>
        text.Contains(';', StringComparison.Ordinal) ? ";"
        : text.Contains(" & ", StringComparison.Ordinal) ? " & "
        : text.Contains('/', StringComparison.Ordinal) ? "/"
        : commaToo && text.Contains(',', StringComparison.Ordinal) ? ","
        : null;
}
