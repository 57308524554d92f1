namespace Shelf.Core.Domain;

/// <summary>
/// A person's name as written ("Kate Quinn" or "Quinn, Kate") with its display, sort and
/// matching forms. The key only folds what cannot tell two people apart (case, spacing,
/// accents, the dots of initials, "Last, First" order): anything more would merge different
/// people, and a real person's name is data.
/// </summary>
public sealed record AuthorName
{
    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "V", "PhD", "Ph.D.", "MD", "M.D.",
    };

    private AuthorName(string display, string sort, string? first, string? last, string key)
    {
        Display = display;
        Sort = sort;
        First = first;
        Last = last;
        Key = key;
    }

    /// <summary>The name as a reader says it: "Kate Quinn".</summary>
    public string Display { get; }

    /// <summary>The name as a library files it: "Quinn, Kate".</summary>
    public string Sort { get; }

    /// <summary>Given names, when they can be told from the family name.</summary>
    public string? First { get; }

    /// <summary>Family name (for a one-word name such as "Homer", the whole name).</summary>
    public string? Last { get; }

    /// <summary>The matching key, unique per author: "kate quinn", "j r r tolkien".</summary>
    public string Key { get; }

    /// <summary>Longest name accepted; longer input is a mistake, not a name.</summary>
    public const int MaxLength = 300;

    /// <summary>Longest matching key; folding can lengthen a name ("ß" becomes "ss").</summary>
    public const int MaxKeyLength = MaxLength + 10;

    /// <summary>Reads a name written either way; fails when there is nothing to read.</summary>
    public static bool TryParse(string? text, out AuthorName name, out string error)
    {
        name = null!;
        var cleaned = CollapseSpaces(text);
        if (TextKey.Normalize(cleaned).Length == 0)
        {
            error = "an author name needs at least one letter";
            return false;
        }

        if (cleaned.Length > MaxLength)
        {
            error = $"an author name is at most {MaxLength} characters; this one has {cleaned.Length}";
            return false;
        }

        name = FromCleaned(cleaned);
        if (name.Key.Length > MaxKeyLength)
        {
            error = $"an author name is at most {MaxKeyLength} characters once accents and ligatures are spelled out; this one has {name.Key.Length}";
            name = null!;
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Parses or throws; for names already known to be valid.</summary>
    public static AuthorName Parse(string text) =>
        TryParse(text, out var name, out var error) ? name : throw new FormatException(error);

    /// <summary>
    /// This name's parts and sort form shown as <paramref name="written"/> is (the same person):
    /// a file's "Last, First" column tells the family name apart better, its display column how
    /// the name is spelled.
    /// </summary>
    public AuthorName ShownAs(AuthorName written) =>
        written.Key == Key ? new AuthorName(written.Display, Sort, First, Last, Key) : this;

    /// <summary>
    /// Whether this spelling should name the person instead of <paramref name="current"/>, the same
    /// person's stored display name: mixed case ("John Saul") wins over one that is all capitals
    /// or all lower case ("JOHN SAUL"), whichever came first; between two mixed spellings the
    /// first stays (renaming is the owner's call).
    /// </summary>
    public bool IsBetterCasedThan(string current) => IsBetterCased(Display, current);

    /// <summary>The same rule on two display names of one person.</summary>
    public static bool IsBetterCased(string candidate, string current) => Casing(current) == FlatCase && Casing(candidate) == MixedCase;

    private const int FlatCase = 1;
    private const int MixedCase = 2;

    /// <summary>Mixed case; flat (two or more cased letters, all of one case); or neither (no case, as in Japanese).</summary>
    private static int Casing(string text)
    {
        var (upper, lower) = (0, 0);
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLower(c))
            {
                lower++;
            }

            if (upper > 0 && lower > 0)
            {
                return MixedCase;
            }
        }

        return upper + lower >= 2 ? FlatCase : 0;
    }

    /// <summary>Builds a name from separate given and family names, as simple CSV catalogs carry them.</summary>
    public static bool TryFromParts(string? first, string? last, out AuthorName name, out string error)
    {
        var f = CollapseSpaces(first);
        var l = CollapseSpaces(last);
        if (l.Length == 0 || f.Length == 0)
        {
            return TryParse(f.Length == 0 ? l : f, out name, out error);
        }

        return TryParse($"{l}, {f}", out name, out error);
    }

    private static AuthorName FromCleaned(string cleaned)
    {
        // "David E. Smith (Turgon of TheOneRing.net, one of its founders)": a note in brackets is
        // part of the name as written, but its commas and words are not the name's parts.
        var open = cleaned.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && cleaned[^1] == ')' && TextKey.Normalize(cleaned[..open]).Length > 0)
        {
            var body = FromCleaned(cleaned[..open].Trim());
            var note = cleaned[open..];
            var noted = $"{body.Display} {note}";
            return new AuthorName(noted, $"{body.Sort} {note}", body.First, body.Last, TextKey.Normalize(noted));
        }


        string? first;
        string? last;
        string? suffix = null;

        // How the suffix joins the name in the display form: as the source wrote it ("Malcolm
        // Jones III", "Martin Luther King, Jr."), never rewritten into the other spelling.
        var suffixJoin = " ";

        var comma = cleaned.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && !IsSuffix(cleaned[(comma + 1)..]))
        {
            // "Quinn, Kate", "King, Martin Luther, Jr." or, as Goodreads sorts it, "Vonnegut Jr., Kurt".
            last = cleaned[..comma].Trim();
            var rest = cleaned[(comma + 1)..].Trim();
            var secondComma = rest.LastIndexOf(',');
            if (secondComma > 0 && IsSuffix(rest[(secondComma + 1)..]))
            {
                suffix = rest[(secondComma + 1)..].Trim();
                rest = rest[..secondComma].Trim();
                suffixJoin = ", ";
            }
            else if (last.LastIndexOf(' ') is var space and > 0 && IsSuffix(last[(space + 1)..]))
            {
                suffix = last[(space + 1)..];
                last = last[..space].Trim();
            }

            first = rest.Length == 0 ? null : rest;
        }
        else
        {
            var body = cleaned;
            if (comma > 0)
            {
                // "Martin Luther King, Jr."
                suffix = cleaned[(comma + 1)..].Trim();
                body = cleaned[..comma].Trim();
                suffixJoin = ", ";
            }

            var lastSpace = body.LastIndexOf(' ');
            if (suffix is null && lastSpace > 0 && IsSuffix(body[(lastSpace + 1)..]) && body.IndexOf(' ', StringComparison.Ordinal) < lastSpace)
            {
                // "Martin Luther King Jr.": the suffix is not the family name.
                suffix = body[(lastSpace + 1)..];
                body = body[..lastSpace];
                lastSpace = body.LastIndexOf(' ');
            }

            first = lastSpace > 0 ? body[..lastSpace] : null;
            last = lastSpace > 0 ? body[(lastSpace + 1)..] : body;
        }

        var display = Join(first, last) + (suffix is null ? string.Empty : suffixJoin + suffix);

        // Filed by the family name, the suffix right after it: "King Jr., Martin Luther".
        var filedLast = suffix is null ? last! : $"{last} {suffix}";
        var sort = first is null ? filedLast : $"{filedLast}, {first}";
        var key = TextKey.Normalize(display);
        return new AuthorName(display, sort, first, last, key);
    }

    private static bool IsSuffix(string text) => Suffixes.Contains(text.Trim());

    private static string Join(string? first, string? last) => first is null ? last! : $"{first} {last}";

    private static string CollapseSpaces(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
