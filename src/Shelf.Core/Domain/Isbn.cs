using System.Diagnostics.CodeAnalysis;
using Shelf.Core.Common;

namespace Shelf.Core.Domain;

/// <summary>
/// A checked ISBN, always held as its 13-digit form. ISBN-10 input is converted (978 prefix);
/// 979 ISBN-13s are valid but have no ISBN-10.
/// </summary>
public readonly record struct Isbn
{
    private Isbn(string value) => Value = value;

    /// <summary>The 13 digits, without hyphens.</summary>
    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>The ISBN-10 form, or null for 979 ISBNs, which have none.</summary>
    public string? ToIsbn10()
    {
        if (!Value.StartsWith("978", StringComparison.Ordinal))
        {
            return null;
        }

        var body = Value.Substring(3, 9);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (10 - i) * (body[i] - '0');
        }

        var check = (11 - (sum % 11)) % 11;
        return body + (check == 10 ? "X" : check.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Parses an ISBN-10 or ISBN-13 written with or without hyphens or spaces.
    /// On failure <paramref name="error"/> says what is wrong in words a user can act on.
    /// </summary>
    public static bool TryParse(string? text, out Isbn isbn, [NotNullWhen(false)] out string? error)
    {
        isbn = default;
        var compact = Compact(text);
        if (compact.Length == 0)
        {
            error = "the ISBN is empty";
            return false;
        }

        if (compact.Length == 10)
        {
            return TryParseIsbn10(compact, out isbn, out error);
        }

        if (compact.Length == 13)
        {
            return TryParseIsbn13(compact, out isbn, out error);
        }

        // Count digits, not characters: "9780261102217 (pbk.)" has 13 digits and other text.
        var digits = compact.Count(char.IsAsciiDigit) + (compact.EndsWith('X') || compact.EndsWith('x') ? 1 : 0);
        error = digits == compact.Length
            ? $"'{UserText.Shorten(text!)}' is not an ISBN: an ISBN has 10 or 13 digits, it has {digits}"
            : $"'{UserText.Shorten(text!)}' is not an ISBN: an ISBN is 10 or 13 digits and nothing else; it has {digits} digits and other characters";
        return false;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for trusted input such as stored values.</summary>
    public static Isbn Parse(string text) =>
        TryParse(text, out var isbn, out var error) ? isbn : throw new FormatException(error);

    private static bool TryParseIsbn10(string digits, out Isbn isbn, [NotNullWhen(false)] out string? error)
    {
        isbn = default;
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var c = digits[i];
            int value;
            if (c is >= '0' and <= '9')
            {
                value = c - '0';
            }
            else if (i == 9 && c is 'X' or 'x')
            {
                value = 10;
            }
            else
            {
                error = $"'{digits}' is not an ISBN-10: only digits are allowed, and X as the last character";
                return false;
            }

            sum += (10 - i) * value;
        }

        if (sum % 11 != 0)
        {
            error = $"ISBN-10 '{digits}' has a wrong check digit; check it for a typo";
            return false;
        }

        var body = "978" + digits[..9];
        isbn = new Isbn(body + Isbn13CheckDigit(body));
        error = null;
        return true;
    }

    private static bool TryParseIsbn13(string digits, out Isbn isbn, [NotNullWhen(false)] out string? error)
    {
        isbn = default;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                error = $"'{digits}' is not an ISBN-13: only digits are allowed";
                return false;
            }
        }

        if (!digits.StartsWith("978", StringComparison.Ordinal) && !digits.StartsWith("979", StringComparison.Ordinal))
        {
            error = $"'{digits}' is not an ISBN-13: it must start with 978 or 979";
            return false;
        }

        if (Isbn13CheckDigit(digits[..12]) != digits[12])
        {
            error = $"ISBN-13 '{digits}' has a wrong check digit; check it for a typo";
            return false;
        }

        isbn = new Isbn(digits);
        error = null;
        return true;
    }

    private static char Isbn13CheckDigit(string twelveDigits)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (twelveDigits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static string Compact(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var trimmed = StripIsbnLabel(text.Trim());
        return new string([.. trimmed.Where(c => c is not ('-' or ' ' or '\u2010' or '\u2011' or '\u2013'))]);
    }

    // "ISBN 978...", "ISBN-13: 978...", "ISBN10 0-...": drop the label, keep the number.
    private static string StripIsbnLabel(string text)
    {
        if (!text.StartsWith("ISBN", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var rest = text[4..].TrimStart('-');
        if ((rest.StartsWith("13", StringComparison.Ordinal) || rest.StartsWith("10", StringComparison.Ordinal))
            && rest.Length > 2 && (rest[2] == ':' || char.IsWhiteSpace(rest[2])))
        {
            rest = rest[2..];
        }

        return rest.TrimStart(':', ' ');
    }
}
