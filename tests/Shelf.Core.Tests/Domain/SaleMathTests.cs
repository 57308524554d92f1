using Shelf.Core.Domain;

namespace Shelf.Core.Tests.Domain;

/// <summary>The total is quantity × price × (1 − discount), rounded once, half away from zero, to the cent.</summary>
public class SaleMathTests
{
    [Fact]
    public void OrderTotal_TwoAt999NoDiscount_Is1998()
    {
        Assert.Equal(1998, SaleMath.OrderTotal(2, 999, Discount.None));
        Assert.Equal(19.98m, SaleMath.OrderTotal(2, 9.99m, 0m));
    }

    [Fact]
    public void OrderTotal_ThreeAt2000TenPercentOff_Is5400()
    {
        Assert.Equal(5400, SaleMath.OrderTotal(3, 2000, new Discount(1000)));
        Assert.Equal(54.00m, SaleMath.OrderTotal(3, 20.00m, 0.10m));
    }

    [Fact]
    public void OrderTotal_ThreeAt010WithAThirdOff_Is020()
    {
        // Exactly: 3 × 0.10 = 0.30; 0.30 × (1 − 1/3) = 0.30 × 2/3 = 0.20, no rounding needed.
        // decimal holds 1/3 as 0.3333333333333333333333333333, so 1 − d = 0.6666666666666666666666666667
        // and 0.30 × that = 0.2000000000000000000000000000(1), which rounds to 0.20.
        Assert.Equal(0.20m, SaleMath.OrderTotal(3, 0.10m, 1m / 3m));

        // Stored discounts are basis points, so a third is written 33.33%:
        // 30 cents × (10000 − 3333) / 10000 = 30 × 0.6667 = 20.001 cents → 20 cents.
        Assert.Equal(20, SaleMath.OrderTotal(3, 10, new Discount(3333)));

        // And 33.34%: 30 × 0.6666 = 19.998 cents → 20 cents.
        Assert.Equal(20, SaleMath.OrderTotal(3, 10, new Discount(3334)));
    }

    [Theory]
    [InlineData(1, "0.125", "0", "0.13")] // half a cent rounds up...
    [InlineData(1, "0.005", "0", "0.01")] // ...also from zero cents
    [InlineData(1, "0.025", "0", "0.03")] // away from zero, not to even (banker's rounding would give 0.02)
    [InlineData(1, "0.0049", "0", "0.00")]
    [InlineData(1, "0.135", "0", "0.14")]
    [InlineData(3, "0.335", "0", "1.01")] // 1.005 → 1.01
    [InlineData(7, "1.99", "0.15", "11.84")] // 13.93 × 0.85 = 11.8405
    [InlineData(1, "0.01", "0.5", "0.01")] // 0.005
    [InlineData(1, "0", "0.3", "0.00")]
    public void OrderTotal_Amounts_RoundHalfAwayFromZeroToTheCent(int quantity, string price, string discount, string expected)
    {
        var total = SaleMath.OrderTotal(quantity, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(discount, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), total);
    }

    [Theory]
    [InlineData(1, 25, 5000, 13)] // 12.5 cents (1 × 0.25 at 50%) → 0.13
    [InlineData(1, 1, 5000, 1)] // 0.5 cent (1 × 0.01 at 50%) → 0.01
    [InlineData(1, 5, 5000, 3)] // 2.5 cents → 0.03, not the even 0.02
    [InlineData(3, 5, 5000, 8)] // 7.5 cents → 0.08
    [InlineData(1, 999, 0, 999)]
    [InlineData(SaleMath.MaxQuantity, Money.MaxMinor, 0, 100_000_000_000_000)]
    [InlineData(SaleMath.MaxQuantity, Money.MaxMinor, 9999, 10_000_000_000)]
    public void OrderTotal_MinorUnits_RoundsHalfAwayFromZero(int quantity, long unitPriceMinor, int basisPoints, long expected)
    {
        Assert.Equal(expected, SaleMath.OrderTotal(quantity, unitPriceMinor, new Discount(basisPoints)));
    }

    [Fact]
    public void OrderTotal_MinorUnitsAndAmounts_AgreeEverywhere()
    {
        foreach (var quantity in new[] { 1, 2, 3, 7, 11 })
        {
            foreach (var price in new long[] { 0, 1, 5, 10, 25, 99, 333, 999, 1999, 2000 })
            {
                foreach (var basisPoints in new[] { 0, 1, 1000, 1250, 3333, 5000, 9999 })
                {
                    var minor = SaleMath.OrderTotal(quantity, price, new Discount(basisPoints));
                    var amount = SaleMath.OrderTotal(quantity, price / 100m, basisPoints / 10_000m);
                    Assert.Equal(amount, minor / 100m);
                }
            }
        }
    }

    [Fact]
    public void RefundTotal_RefundingEveryCopyOneByOne_PaysBackExactlyTheTotal()
    {
        // 3 × 0.05 at 50% = 0.075 → 0.08. Rounding each single refund on its own would pay
        // 0.025 → 0.03 three times, 0.09 in all; cumulative rounding pays 0.03 + 0.02 + 0.03.
        var discount = new Discount(5000);
        var total = SaleMath.OrderTotal(3, 5, discount);

        var first = SaleMath.RefundTotal(1, 0, 0, 5, discount);
        var second = SaleMath.RefundTotal(1, 1, first, 5, discount);
        var third = SaleMath.RefundTotal(1, 2, first + second, 5, discount);

        Assert.Equal(8, total);
        Assert.Equal([3, 2, 3], new[] { first, second, third });
        Assert.Equal(total, first + second + third);
    }

    [Fact]
    public void RefundTotal_AnySplit_SumsToTheOrderTotal()
    {
        var discount = new Discount(3333);
        var total = SaleMath.OrderTotal(10, 333, discount);
        foreach (var split in new[] { new[] { 10 }, [1, 9], [3, 3, 4], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [7, 2, 1] })
        {
            int quantity = 0;
            long paid = 0;
            foreach (var part in split)
            {
                paid += SaleMath.RefundTotal(part, quantity, paid, 333, discount);
                quantity += part;
            }

            Assert.Equal(total, paid);
        }
    }
}
