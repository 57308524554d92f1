namespace Shelf.Core.Domain;

/// <summary>
/// How a sale's total is computed: quantity × unit price × (1 − discount), rounded half away
/// from zero to the currency's minor unit, in <see cref="decimal"/> so nothing is lost before
/// the one rounding. The database checks the same formula with integer arithmetic.
/// </summary>
public static class SaleMath
{
    /// <summary>Most copies on one order line; with <see cref="Money.MaxMinor"/> it keeps the exact total inside 64 bits.</summary>
    public const int MaxQuantity = 100_000;

    /// <summary>The total in minor units: 2 × 999 with no discount → 1998; 3 × 2000 at 10% → 5400.</summary>
    public static long OrderTotal(int quantity, long unitPriceMinor, Discount discount)
    {
        var exact = quantity * (decimal)unitPriceMinor * (Discount.Scale - discount.BasisPoints) / Discount.Scale;
        return (long)decimal.Round(exact, 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The same rule on amounts: quantity × <paramref name="unitPrice"/> × (1 − <paramref name="discount"/>)
    /// rounded half away from zero to <paramref name="minorDigits"/> decimals (1 × 0.125 → 0.13).
    /// </summary>
    public static decimal OrderTotal(int quantity, decimal unitPrice, decimal discount, int minorDigits = 2) =>
        decimal.Round(quantity * unitPrice * (1 - discount), minorDigits, MidpointRounding.AwayFromZero);

    /// <summary>
    /// What a refund of <paramref name="quantity"/> more copies pays back. Refunds are rounded
    /// cumulatively: the copies refunded so far, this refund included, are worth their
    /// <see cref="OrderTotal(int, long, Discount)"/>, minus what earlier refunds paid. So
    /// refunding every copy, in any number of steps, pays back exactly the order's total, never
    /// a cent more (three refunds of 1 × 0.025 would otherwise round to 0.03 each).
    /// </summary>
    public static long RefundTotal(int quantity, int alreadyRefundedQuantity, long alreadyRefundedMinor, long unitPriceMinor, Discount discount) =>
        OrderTotal(alreadyRefundedQuantity + quantity, unitPriceMinor, discount) - alreadyRefundedMinor;
}
