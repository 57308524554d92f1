using System.Globalization;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Books;

/// <summary>A name as the user typed it and what that person did for the book.</summary>
public sealed record AuthorCredit(string Name, AuthorRole Role = AuthorRole.Author)
{
    /// <summary>
    /// Reads a credit as every host takes it: a name, optionally followed by a role in brackets
    /// as library catalogs write it ("Edith Grossman (translator)"). Brackets that hold no role
    /// stay part of the name.
    /// </summary>
    public static AuthorCredit Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.EndsWith(')'))
        {
            var open = text.LastIndexOf('(');
            var inside = open > 0 ? text[(open + 1)..^1].Trim() : string.Empty;
            if (open > 0 && Enum.TryParse<AuthorRole>(inside, ignoreCase: true, out var role) && !int.TryParse(inside, CultureInfo.InvariantCulture, out _))
            {
                return new AuthorCredit(text[..open].Trim(), role);
            }
        }

        return new AuthorCredit(text);
    }

    public static IReadOnlyList<AuthorCredit> ParseAll(IEnumerable<string>? values) =>
        values is null ? [] : [.. values.Select(Parse)];
}
