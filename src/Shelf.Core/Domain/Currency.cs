using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Shelf.Core.Common;

namespace Shelf.Core.Domain;

/// <summary>
/// ISO 4217 currency codes (three letters A–Z) and the number of digits of their minor unit,
/// which decides how "9.99" becomes an integer count of minor units.
/// </summary>
public static class Currency
{
    /// <summary>The currency used when neither the user nor <c>SHELF_CURRENCY</c> names one.</summary>
    public const string Fallback = "USD";

    // ISO 4217 exceptions to the usual two decimals. Any other well-formed code is taken as two:
    // Shelf does not refuse a currency because it is missing from a list that changes over time.
    private static readonly FrozenSet<string> WithoutMinorUnit = FrozenSet.Create(
        StringComparer.Ordinal, "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF");

    private static readonly FrozenSet<string> WithThreeDecimals = FrozenSet.Create(
        StringComparer.Ordinal, "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND");

    /// <summary>Reads a code in any letter case ("eur" → "EUR"); on failure <paramref name="error"/> says what to write.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? code, [NotNullWhen(false)] out string? error)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 3 && trimmed.All(char.IsAsciiLetter))
        {
            code = trimmed.ToUpperInvariant();
            error = null;
            return true;
        }

        code = null;
        error = $"'{UserText.Shorten(trimmed, 20)}' is not a currency code: write the three letters of ISO 4217, such as USD, EUR or GBP";
        return false;
    }

    /// <summary>Digits after the decimal point: 2 for USD, 0 for JPY, 3 for KWD.</summary>
    public static int MinorDigits(string code) =>
        WithoutMinorUnit.Contains(code) ? 0 : WithThreeDecimals.Contains(code) ? 3 : 2;

    /// <summary>The value of one minor unit as a decimal with the currency's scale (0.01m for USD).</summary>
    internal static decimal MinorUnit(string code) => MinorDigits(code) switch
    {
        0 => 1m,
        3 => 0.001m,
        _ => 0.01m,
    };
}
