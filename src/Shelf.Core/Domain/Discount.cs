using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Shelf.Core.Common;

namespace Shelf.Core.Domain;

/// <summary>
/// A discount as an integer count of basis points (hundredths of a percent): 15% is 1500.
/// An integer reads and compares the same on SQLite (which has no exact decimal type) and
/// PostgreSQL, and covers how shops write discounts (12.5%, 33.33%). Always 0 ≤ d &lt; 100%.
/// </summary>
public readonly record struct Discount
{
    /// <summary>Basis points in a whole: 10,000 = 100%.</summary>
    public const int Scale = 10_000;

    public Discount(int basisPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(basisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(basisPoints, Scale);
        BasisPoints = basisPoints;
    }

    public static Discount None => default;

    /// <summary>1500 for 15%.</summary>
    public int BasisPoints { get; }

    /// <summary>0.15 for 15%.</summary>
    public decimal Fraction => BasisPoints / (decimal)Scale;

    /// <summary>"15%", "12.5%", "33.33%".</summary>
    public override string ToString() => (BasisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// Reads a fraction below 1 ("0.15") or a percentage ("15%", "12.5%"), at most to a hundredth
    /// of a percent. Empty means no discount.
    /// </summary>
    public static bool TryParse(string? text, out Discount discount, [NotNullWhen(false)] out string? error)
    {
        discount = None;
        error = null;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }

        var percent = trimmed.EndsWith('%');
        var number = percent ? trimmed[..^1].TrimEnd() : trimmed;
        if (number.Contains(',', StringComparison.Ordinal))
        {
            error = $"'{trimmed}' has a comma; write the discount with a dot, as in {number.Replace(',', '.')}{(percent ? "%" : string.Empty)}";
            return false;
        }

        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            error = $"'{UserText.Shorten(trimmed, 30)}' is not a discount; write a fraction below 1 such as 0.15, or a percentage such as 15%";
            return false;
        }

        var fraction = percent ? value / 100m : value;
        if (fraction < 0)
        {
            error = $"the discount {trimmed} is negative; write 0 or more (0.15 or 15%)";
            return false;
        }

        if (fraction >= 1)
        {
            error = percent || value > 100
                ? $"the discount {trimmed} is 100% or more; it must be below 100%"
                : $"the discount {trimmed} is 1 or more; write a fraction below 1 (0.15) or a percentage ({value.ToString(CultureInfo.InvariantCulture)}%)";
            return false;
        }

        var basisPoints = fraction * Scale;
        if (basisPoints != decimal.Truncate(basisPoints))
        {
            error = $"the discount {trimmed} is finer than a hundredth of a percent; round it, as in {decimal.Round(fraction * 100, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture)}%";
            return false;
        }

        discount = new Discount((int)basisPoints);
        return true;
    }
}
