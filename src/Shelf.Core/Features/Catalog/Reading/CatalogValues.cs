using System.Globalization;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Reading;

/// <summary>
/// The ways real exports write values Shelf has types for: ISBNs behind Excel guards, in
/// brackets, without their leading zeros or as floating point; years as "2008.0"; dates with
/// slashes or dashes; lists separated by commas where a "Jr." is not a person.
/// </summary>
internal static class CatalogValues
{
    // Year first, then the two orders exports use with a four-digit year: slashes are month first
    // (Goodreads' US dates, Book-Crossing, the Kaggle file), dots are day first (German and
    // Russian spreadsheets). Two-digit years are left out: 03/04/05 could be any of three days.
    private static readonly string[] DateFormats =
    [
        "yyyy/MM/dd", "yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.MM.dd", "yyyy.M.d", "yyyy/MM", "yyyy-MM",
        "M/d/yyyy", "d.M.yyyy",
    ];

    private static readonly HashSet<string> NameSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "PhD", "Ph.D.", "MD", "M.D.",
    };

    /// <summary>
    /// The ISBN text without decoration: Goodreads' Excel guard (<c>="0441013597"</c>, also
    /// empty as <c>=""</c>), LibraryThing's brackets (<c>[0441013597]</c>), spaces.
    /// </summary>
    public static string StripIsbnDecoration(string raw)
    {
        var text = raw.Trim();
        if (text.StartsWith('='))
        {
            text = text[1..].Trim();
        }

        text = text.Trim('"', '[', ']', ' ');
        return text;
    }

    /// <summary>
    /// Reads an ISBN as an export wrote it. ISBN-10s that a spreadsheet turned into numbers lose
    /// their leading zeros: when <paramref name="restoreZeros"/> is on, a short value is padded and
    /// kept if the padded one passes the checksum. A number in scientific notation
    /// (<c>9.78006124508e+12</c>) has lost its last digits and is never trusted.
    /// </summary>
    /// <returns>The ISBN-13, or null with <paramref name="problem"/> saying why (null problem: the field was empty).</returns>
    public static string? Isbn(string raw, bool restoreZeros, out string? problem)
    {
        problem = null;
        var text = StripIsbnDecoration(raw);
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Contains('e', StringComparison.OrdinalIgnoreCase) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            problem = $"ISBN '{text}' is in scientific notation (a spreadsheet turned it into a number and dropped its last digits); imported without it";
            return null;
        }

        // "76783609419.0": a number written as floating point; the digits before ".0" are all it had.
        if (text.EndsWith(".0", StringComparison.Ordinal) && text[..^2].All(char.IsAsciiDigit))
        {
            text = text[..^2];
        }

        if (restoreZeros && text.Length is > 0 and < 10 && IsIsbn10Body(text))
        {
            var padded = text.PadLeft(10, '0');
            if (Domain.Isbn.TryParse(padded, out var restored, out _))
            {
                return NotPlaceholder(restored.Value, text, out problem);
            }
        }

        if (Domain.Isbn.TryParse(text, out var isbn, out var error))
        {
            return NotPlaceholder(isbn.Value, text, out problem);
        }

        problem = $"{error}; imported without it";
        return null;
    }

    /// <summary>
    /// "0000000000" and "9780000000002" pass the checksum but are what tools write for "no ISBN":
    /// taken as an identity they would merge every book that carries one.
    /// </summary>
    private static string? NotPlaceholder(string isbn13, string text, out string? problem)
    {
        if (isbn13.AsSpan(3, 9).IndexOfAnyExcept('0') < 0)
        {
            problem = $"ISBN '{text}' is a placeholder (all zeros), not a book's ISBN; imported without it";
            return null;
        }

        problem = null;
        return isbn13;
    }

    private static bool IsIsbn10Body(string text) =>
        text[..^1].All(char.IsAsciiDigit) && (char.IsAsciiDigit(text[^1]) || text[^1] is 'X' or 'x');

    /// <summary>A whole number, also when written as "2008.0" by a tool that thought it a float.</summary>
    public static bool TryWholeNumber(string text, out int value)
    {
        var trimmed = text.Trim();
        if (int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)number;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A date with or without a time, also in brackets (LibraryThing writes <c>[2021-07-30]</c>);
    /// the time and any offset are dropped (dates are calendar days). An impossible day
    /// (<c>11/31/2000</c>) is no date.
    /// </summary>
    public static bool TryDate(string text, out DateOnly date)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 2 && trimmed[0] == '[' && trimmed[^1] == ']')
        {
            trimmed = trimmed[1..^1].Trim();
        }

        if (DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        // "2021-07-30 14:22:01", "9/16/2006 0:00", "2021-07-30T14:22": the day before the time.
        var cut = trimmed.IndexOfAny([' ', 'T']);
        if (cut > 0 && cut + 1 < trimmed.Length && char.IsAsciiDigit(trimmed[cut + 1]) && trimmed.IndexOf(':', cut) > cut
            && DateOnly.TryParseExact(trimmed[..cut], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) && trimmed.Length >= 10 && char.IsAsciiDigit(trimmed[0]))
        {
            date = DateOnly.FromDateTime(moment.UtcDateTime);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Splits a list of names written in one field ("Stephen Hawking, Frederick Seitz"),
    /// keeping a suffix with its name ("Martin Luther King, Jr.").
    /// </summary>
    public static List<string> SplitNames(string text, char separator) => SplitNames(text, separator.ToString());

    /// <summary>The same, on a separator of several characters (" &amp; ").</summary>
    public static List<string> SplitNames(string text, string separator)
    {
        var names = new List<string>();
        foreach (var part in text.Split(separator))
        {
            var name = part.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (names.Count > 0 && NameSuffixes.Contains(name))
            {
                names[^1] = $"{names[^1]}, {name}";
                continue;
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>Splits a delimited list, trimming and dropping empty entries.</summary>
    public static List<string> SplitList(string text, char separator) =>
        [.. text.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>A role word as catalogs write it ("Translator", "Editor", "Introduction") in Shelf's terms.</summary>
    public static AuthorRole Role(string? text)
    {
        var word = (text ?? string.Empty).Trim().ToLowerInvariant();
        return word switch
        {
            "" or "author" or "primary author" => AuthorRole.Author,
            "editor" or "ed." or "edited by" => AuthorRole.Editor,
            "translator" or "trans." or "translated by" => AuthorRole.Translator,
            "illustrator" or "illustrated by" or "artist" or "cover artist" => AuthorRole.Illustrator,
            "narrator" or "reader" or "read by" => AuthorRole.Narrator,
            _ => AuthorRole.Contributor,
        };
    }

    /// <summary>Whether <see cref="Role"/> understood the word exactly (so nothing needs keeping beside it).</summary>
    public static bool IsKnownRole(string? text) =>
        Role(text) != AuthorRole.Contributor || string.Equals(text?.Trim(), "contributor", StringComparison.OrdinalIgnoreCase);
}
