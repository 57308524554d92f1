using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Shelf.Core.Common;

namespace Shelf.Core.Domain;

/// <summary>
/// An amount of money as an integer count of minor units (cents) and its currency. Never a
/// float: 0.1 + 0.2 must be 0.30, and every database stores a 64-bit integer exactly.
/// </summary>
public readonly record struct Money(long Minor, string Currency)
{
    /// <summary>
    /// Largest amount a price may have, in minor units (10 million USD). It keeps
    /// quantity × price × 10,000 (the exact total before rounding) inside a 64-bit integer, so the
    /// database can check every total with integer arithmetic.
    /// </summary>
    public const long MaxMinor = 1_000_000_000;

    /// <summary>The amount as a decimal with the currency's scale: 999 USD cents → 9.99, 2000 → 20.00.</summary>
    public decimal Amount => ToAmount(Minor, Currency);

    /// <summary>"9.99 USD".</summary>
    public override string ToString() => $"{Format(Minor, Currency)} {Currency}";

    /// <summary>The amount of <paramref name="minor"/> units of <paramref name="currency"/> as a decimal with its scale.</summary>
    public static decimal ToAmount(long minor, string currency) => minor * Domain.Currency.MinorUnit(currency);

    /// <summary>"9.99": invariant, with exactly the currency's decimals.</summary>
    public static string Format(long minor, string currency) => ToAmount(minor, currency).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an amount typed with the invariant culture ("9.99", "20", "0.5") in
    /// <paramref name="currency"/>. A comma, a sign other than a leading minus, more decimals
    /// than the currency has, or a negative amount are refused; <paramref name="error"/> says
    /// what to write instead.
    /// </summary>
    public static bool TryParse(string? text, string currency, out Money money, [NotNullWhen(false)] out string? error)
    {
        money = default;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            error = "is empty; write an amount such as 9.99";
            return false;
        }

        if (trimmed.Contains(',', StringComparison.Ordinal))
        {
            error = $"'{UserText.Shorten(trimmed, 30)}' has a comma; write amounts with a dot for decimals and no thousands separator, as in {CommaFree(trimmed)}";
            return false;
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            error = $"'{UserText.Shorten(trimmed, 30)}' is not an amount; write digits with a dot for decimals, as in 9.99";
            return false;
        }

        if (amount < 0)
        {
            error = $"{trimmed} is negative; write 0 or more (money paid back is recorded as a refund of the sale)";
            return false;
        }

        var unit = Domain.Currency.MinorUnit(currency);
        if (amount > MaxMinor * unit)
        {
            error = $"{trimmed} is more than the {Format(MaxMinor, currency)} {currency} Shelf accepts; check for a typo";
            return false;
        }

        var minor = amount / unit;
        if (minor != decimal.Truncate(minor))
        {
            var digits = Domain.Currency.MinorDigits(currency);
            var rounded = decimal.Round(amount, digits, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
            error = $"{trimmed} has more decimals than {currency} allows ({digits}); write {rounded}";
            return false;
        }

        money = new Money((long)minor, currency);
        error = null;
        return true;
    }

    // "9,99" → "9.99" (a decimal comma); "1,000.50" or "1,000,000" → without the separators.
    private static string CommaFree(string text)
    {
        var commas = text.Count(c => c == ',');
        return commas == 1 && !text.Contains('.', StringComparison.Ordinal) && text.Length - text.IndexOf(',', StringComparison.Ordinal) - 1 != 3
            ? text.Replace(',', '.')
            : text.Replace(",", string.Empty, StringComparison.Ordinal);
    }
}
