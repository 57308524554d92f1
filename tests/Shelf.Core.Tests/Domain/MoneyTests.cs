using Shelf.Core.Domain;

namespace Shelf.Core.Tests.Domain;

public class MoneyTests
{
    [Theory]
    [InlineData("9.99", "USD", 999)]
    [InlineData("20", "USD", 2000)]
    [InlineData("20.00", "USD", 2000)]
    [InlineData("0.5", "USD", 50)]
    [InlineData(" 0 ", "USD", 0)]
    [InlineData("9.990", "USD", 999)]
    [InlineData("1000", "JPY", 1000)]
    [InlineData("0.125", "KWD", 125)]
    [InlineData("10000000.00", "USD", Money.MaxMinor)]
    public void TryParse_InvariantAmount_ReturnsMinorUnits(string text, string currency, long minor)
    {
        Assert.True(Money.TryParse(text, currency, out var money, out var error), error);

        Assert.Equal(new Money(minor, currency), money);
    }

    [Theory]
    [InlineData("9,99", "write amounts with a dot", "9.99")]
    [InlineData("1,000.50", "no thousands separator", "1000.50")]
    [InlineData("1,000", "no thousands separator", "1000")]
    [InlineData("-1", "negative", "0 or more")]
    [InlineData("-0.01", "negative", "0 or more")]
    [InlineData("abc", "not an amount", "9.99")]
    [InlineData("$9.99", "not an amount", "9.99")]
    [InlineData("1e3", "not an amount", "9.99")]
    [InlineData("", "empty", "9.99")]
    [InlineData("0.125", "more decimals than USD allows (2)", "write 0.13")]
    [InlineData("0.005", "more decimals than USD allows (2)", "write 0.01")]
    [InlineData("10000000.01", "more than the 10000000.00 USD", "typo")]
    [InlineData("99999999999999999999999999", "more than", "typo")]
    public void TryParse_BadAmount_SaysWhatIsWrongAndWhatToWrite(string text, string problem, string fix)
    {
        Assert.False(Money.TryParse(text, "USD", out _, out var error));

        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.Contains(fix, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_DecimalsInACurrencyWithoutMinorUnit_Refused()
    {
        Assert.False(Money.TryParse("10.5", "JPY", out _, out var error));

        Assert.Contains("JPY allows (0)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(999, "USD", "9.99 USD")]
    [InlineData(2000, "EUR", "20.00 EUR")]
    [InlineData(5, "USD", "0.05 USD")]
    [InlineData(1000, "JPY", "1000 JPY")]
    [InlineData(1, "KWD", "0.001 KWD")]
    public void ToString_ShowsTheCurrencyScale(long minor, string currency, string expected)
    {
        Assert.Equal(expected, new Money(minor, currency).ToString());
    }
}
