using Shelf.Core.Domain;

namespace Shelf.Core.Tests.Domain;

public class DiscountTests
{
    [Theory]
    [InlineData("0.15", 1500, "15%")]
    [InlineData("15%", 1500, "15%")]
    [InlineData("15 %", 1500, "15%")]
    [InlineData("12.5%", 1250, "12.5%")]
    [InlineData("0.125", 1250, "12.5%")]
    [InlineData("33.33%", 3333, "33.33%")]
    [InlineData("0.9999", 9999, "99.99%")]
    [InlineData("0", 0, "0%")]
    [InlineData("0%", 0, "0%")]
    [InlineData("", 0, "0%")]
    public void TryParse_FractionOrPercentage_StoresBasisPoints(string text, int basisPoints, string shown)
    {
        Assert.True(Discount.TryParse(text, out var discount, out var error), error);

        Assert.Equal(basisPoints, discount.BasisPoints);
        Assert.Equal(shown, discount.ToString());
        Assert.Equal(basisPoints / 10_000m, discount.Fraction);
    }

    [Theory]
    [InlineData("1", "1 or more")]
    [InlineData("15", "or a percentage (15%)")]
    [InlineData("100%", "100% or more")]
    [InlineData("150%", "100% or more")]
    [InlineData("-0.1", "negative")]
    [InlineData("-5%", "negative")]
    [InlineData("0.12345", "finer than a hundredth of a percent")]
    [InlineData("1,5%", "write the discount with a dot, as in 1.5%")]
    [InlineData("half", "not a discount")]
    public void TryParse_OutsideZeroToOneOrTooFine_Refused(string text, string expected)
    {
        Assert.False(Discount.TryParse(text, out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_000)]
    public void Constructor_OutOfRange_Throws(int basisPoints)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Discount(basisPoints));
    }
}
