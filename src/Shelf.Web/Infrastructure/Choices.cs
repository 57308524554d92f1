using Shelf.Core.Common;

namespace Shelf.Web.Infrastructure;

/// <summary>An enum value from the query string, spelled as the CLI spells it (lower case, words joined by '-').</summary>
internal static class Choices
{
    public static Result<T?> Read<T>(string? text, string parameter)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return (T?)null;
        }

        var names = Enum.GetNames<T>();
        var found = names.FirstOrDefault(n => string.Equals(Spell(n), text, StringComparison.OrdinalIgnoreCase));
        return found is null
            ? Error.Invalid(WebErrorCodes.BadRequest, $"'{UserText.Shorten(text)}' is not a valid {parameter}; use one of: {string.Join(", ", names.Select(Spell))}")
            : Enum.Parse<T>(found);
    }

    private static string Spell(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
