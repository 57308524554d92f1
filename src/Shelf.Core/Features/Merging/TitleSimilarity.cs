using Shelf.Core.Domain;

namespace Shelf.Core.Features.Merging;

/// <summary>A title as duplicate detection compares it: its stored key, and its base (no subtitle, series suffix or leading article).</summary>
internal sealed record ComparedTitle(string Key, string Base, string Digits)
{
    private static readonly string[] Articles = ["the ", "a ", "an ", "le ", "la ", "les ", "l ", "der ", "die ", "das ", "el ", "los ", "il "];

    public static ComparedTitle Of(string key, string title)
    {
        var text = title;

        // "Dune (Dune Chronicles, #1)": a series suffix in brackets at the end.
        while (text.TrimEnd() is { Length: > 0 } trimmed && trimmed[^1] == ')' && trimmed.LastIndexOf('(') is > 0 and var open)
        {
            text = trimmed[..open];
        }

        // "Dune: The Graphic Novel", "Dune - Deluxe Edition": a subtitle written into the title.
        var cut = text.IndexOfAny([':', ';']);
        var dash = text.IndexOf(" - ", StringComparison.Ordinal);
        cut = cut < 0 ? dash : dash < 0 ? cut : Math.Min(cut, dash);
        if (cut > 0)
        {
            text = text[..cut];
        }

        var baseKey = TextKey.Normalize(text);
        foreach (var article in Articles)
        {
            if (baseKey.Length > article.Length && baseKey.StartsWith(article, StringComparison.Ordinal))
            {
                baseKey = baseKey[article.Length..];
                break;
            }
        }

        if (baseKey.Length == 0)
        {
            baseKey = key;
        }

        return new ComparedTitle(key, baseKey, new string([.. baseKey.Where(char.IsAsciiDigit)]));
    }
}

/// <summary>
/// Whether two titles of one first author are near enough to be one book, and how sure that
/// is: the same base title (0.9), or a few letters apart, more allowed in a longer title.
/// Titles whose numbers differ ("Book 1", "Book 2") are volumes, never duplicates.
/// </summary>
internal static class TitleSimilarity
{
    public const double SameBase = 0.9;

    public static (double Score, int Distance)? Compare(ComparedTitle a, ComparedTitle b)
    {
        if (a.Base == b.Base)
        {
            return (SameBase, 0);
        }

        if (a.Digits != b.Digits)
        {
            return null;
        }

        var length = Math.Max(a.Base.Length, b.Base.Length);
        var allowed = length >= 30 ? 3 : length >= 14 ? 2 : length >= 6 ? 1 : 0;
        if (allowed == 0 || Math.Abs(a.Base.Length - b.Base.Length) > allowed)
        {
            return null;
        }

        var distance = Distance(a.Base, b.Base, allowed);
        return distance > allowed ? null : (Math.Min(0.95, 1.0 - ((double)distance / length)), distance);
    }

    /// <summary>Levenshtein distance, given up once every path is past <paramref name="limit"/> (then any larger number).</summary>
    public static int Distance(string a, string b, int limit)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.Min(best, current[j]);
            }

            if (best > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
