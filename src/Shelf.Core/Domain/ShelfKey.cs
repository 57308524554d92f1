using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Shelf.Core.Domain;

/// <summary>
/// The stored key of a shelf (<c>tags.name_key</c>, unique). A shelf is its name exactly as
/// written: "2021" and "2021_" are two shelves, though both fold to the matching key "2021".
/// The first shelf of a folded key keeps the plain key (as every shelf had before shelves were
/// told apart, so older libraries need no change); another spelling gets a variant of it, the
/// folded key, '#' and a hash of its exact name. Matching folds (<see cref="Matches"/>): it finds
/// the plain key and every variant; storage never does.
/// </summary>
public static class ShelfKey
{
    private const int HashLength = 8;
    private const int MaxLength = 200;
    private const char VariantMark = '#';

    /// <summary>The matching key of a name, as <see cref="TextKey"/> folds it.</summary>
    public static string Fold(string name) => TextKey.Normalize(name);

    /// <summary>The key of a spelling whose folded key another shelf holds: deterministic, so two writers agree on it.</summary>
    public static string Variant(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var hex = Convert.ToHexStringLower(hash)[..HashLength];
        return VariantPrefix(Fold(name)) + hex;
    }

    /// <summary>What every variant key of <paramref name="fold"/> starts with ('#' never occurs in a folded key).</summary>
    public static string VariantPrefix(string fold) =>
        string.Create(CultureInfo.InvariantCulture, $"{(fold.Length > MaxLength - HashLength - 1 ? fold[..(MaxLength - HashLength - 1)] : fold)}{VariantMark}");

    /// <summary>Whether a stored key belongs to a shelf whose name folds to <paramref name="fold"/>.</summary>
    public static bool Matches(string storedKey, string fold) =>
        storedKey == fold || storedKey.StartsWith(VariantPrefix(fold), StringComparison.Ordinal);
}
