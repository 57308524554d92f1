using Shelf.Core.Domain;

namespace Shelf.Core.Tests.Domain;

public class CurrencyTests
{
    [Theory]
    [InlineData("USD", "USD")]
    [InlineData("eur", "EUR")]
    [InlineData(" gbp ", "GBP")]
    public void TryParse_ThreeLetters_ReturnsUpperCaseCode(string text, string expected)
    {
        Assert.True(Currency.TryParse(text, out var code, out _));

        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("US")]
    [InlineData("EURO")]
    [InlineData("U$D")]
    [InlineData("12A")]
    [InlineData("ÉUR")]
    public void TryParse_NotThreeAsciiLetters_ExplainsTheFormat(string text)
    {
        Assert.False(Currency.TryParse(text, out _, out var error));

        Assert.Contains("three letters of ISO 4217", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("KWD", 3)]
    [InlineData("XYZ", 2)]
    public void MinorDigits_FollowsIso4217(string code, int digits)
    {
        Assert.Equal(digits, Currency.MinorDigits(code));
    }
}
