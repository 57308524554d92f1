namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>ISBN checksums written out again for the tests, so expectations do not come from Shelf's own Isbn.</summary>
internal static class IsbnOracle
{
    public static bool IsIsbn13(string s) =>
        s.Length == 13 && s.All(char.IsAsciiDigit) && (s.StartsWith("978", StringComparison.Ordinal) || s.StartsWith("979", StringComparison.Ordinal))
        && s.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum() % 10 == 0;

    public static bool IsIsbn10(string s)
    {
        if (s.Length != 10 || !s[..9].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(s[9]) || s[9] is 'X' or 'x'))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (10 - i) * (s[i] is 'X' or 'x' ? 10 : s[i] - '0');
        }

        return sum % 11 == 0;
    }

    public static string To13(string isbn10)
    {
        var body = "978" + isbn10[..9];
        var sum = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return body + (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>The ISBN-13 a field names, or null: Excel guards and brackets stripped, leading zeros put back when asked.</summary>
    public static string? Read(string raw, bool padZeros = false)
    {
        var s = raw.Trim().TrimStart('=').Trim('"', '[', ']', ' ');
        if (s.EndsWith(".0", StringComparison.Ordinal))
        {
            s = s[..^2];
        }

        if (padZeros && s.Length is > 0 and < 10)
        {
            s = s.PadLeft(10, '0');
        }

        return IsIsbn13(s) ? s : IsIsbn10(s) ? To13(s) : null;
    }

    /// <summary>True when a field holds something that is not a usable ISBN (so the import warns about it).</summary>
    public static bool IsUnusable(string raw, bool padZeros = false)
    {
        var s = raw.Trim().TrimStart('=').Trim('"', '[', ']', ' ');
        return s.Length > 0 && Read(raw, padZeros) is null;
    }
}
