using Shelf.Core.Domain;

namespace Shelf.Core.Tests.Domain;

public sealed class IsbnTests
{
    [Theory]
    [InlineData("0306406152", "9780306406157")]
    [InlineData("0198534531", "9780198534532")]
    [InlineData("0439023521", "9780439023528")]
    public void TryParse_Isbn10_ConvertsTo978Isbn13(string isbn10, string expected)
    {
        Assert.True(Isbn.TryParse(isbn10, out var isbn, out var error), error);
        Assert.Equal(expected, isbn.Value);
    }

    [Theory]
    [InlineData("080442957X", "9780804429573")]
    [InlineData("080442957x", "9780804429573")]
    [InlineData("097522980X", "9780975229804")]
    public void TryParse_Isbn10WithXCheckDigit_Accepted(string isbn10, string expected)
    {
        Assert.True(Isbn.TryParse(isbn10, out var isbn, out var error), error);
        Assert.Equal(expected, isbn.Value);
    }

    [Theory]
    [InlineData("978-0-306-40615-7")]
    [InlineData("978 0 306 40615 7")]
    [InlineData("  9780306406157  ")]
    [InlineData("ISBN-13: 978-0-306-40615-7")]
    [InlineData("ISBN 978-0-306-40615-7")]
    [InlineData("isbn13:9780306406157")]
    [InlineData("ISBN-10: 0-306-40615-2")]
    [InlineData("978\u20100\u2011306\u201340615\u20107")]
    public void TryParse_HyphensSpacesAndLabel_Ignored(string text)
    {
        Assert.True(Isbn.TryParse(text, out var isbn, out var error), error);
        Assert.Equal("9780306406157", isbn.Value);
    }

    [Theory]
    [InlineData("9791032305690")]
    [InlineData("979-10-323-0569-0")]
    [InlineData("9798886450019")]
    public void TryParse_979Prefix_Accepted(string text)
    {
        Assert.True(Isbn.TryParse(text, out var isbn, out var error), error);
        Assert.StartsWith("979", isbn.Value, StringComparison.Ordinal);
        Assert.Equal(13, isbn.Value.Length);
    }

    [Theory]
    [InlineData("9780306406158")]
    [InlineData("9780306406150")]
    [InlineData("9791032305691")]
    public void TryParse_Isbn13WithWrongChecksum_RejectedWithMessage(string text)
    {
        Assert.False(Isbn.TryParse(text, out _, out var error));
        Assert.Contains("wrong check digit", error, StringComparison.Ordinal);
        Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0306406153")]
    [InlineData("0804429571")]
    public void TryParse_Isbn10WithWrongChecksum_RejectedWithMessage(string text)
    {
        Assert.False(Isbn.TryParse(text, out _, out var error));
        Assert.Contains("wrong check digit", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("978030640615", 12)]
    [InlineData("97803064061577", 14)]
    [InlineData("030640615", 9)]
    [InlineData("12345", 5)]
    public void TryParse_WrongLength_RejectedNamingTheLength(string text, int length)
    {
        Assert.False(Isbn.TryParse(text, out _, out var error));
        Assert.Contains("10 or 13 digits", error, StringComparison.Ordinal);
        Assert.Contains($"it has {length}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9780306406157 (pbk.)", 13)]
    [InlineData("ISBN 0306406152 hardcover", 10)]
    public void TryParse_DigitsWithOtherText_SaysHowManyDigitsNotCharacters(string text, int digits)
    {
        Assert.False(Isbn.TryParse(text, out _, out var error));
        Assert.Contains($"it has {digits} digits and other characters", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("97803064061AB")]
    [InlineData("978030640615X")]
    [InlineData("03064X6152")]
    [InlineData("X306406152")]
    [InlineData("abcdefghij")]
    public void TryParse_Letters_Rejected(string text)
    {
        Assert.False(Isbn.TryParse(text, out _, out var error));
        Assert.Contains("only digits", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_Blank_RejectedAsEmpty(string? text)
    {
        Assert.False(Isbn.TryParse(text, out _, out var error));
        Assert.Equal("the ISBN is empty", error);
    }

    [Fact]
    public void TryParse_977Prefix_Rejected()
    {
        // 977 is the ISSN range of EAN-13, valid checksum but not a book.
        Assert.False(Isbn.TryParse("9770306406158", out _, out var error));
        Assert.Contains("978 or 979", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0306406152")]
    [InlineData("080442957X")]
    [InlineData("097522980X")]
    [InlineData("0198534531")]
    public void ToIsbn10_From978_RoundTripsTheIsbn10(string isbn10)
    {
        Assert.Equal(isbn10, Isbn.Parse(isbn10).ToIsbn10());
    }

    [Fact]
    public void ToIsbn10_978Isbn13_GivesIsbn10()
    {
        Assert.Equal("0306406152", Isbn.Parse("9780306406157").ToIsbn10());
    }

    [Theory]
    [InlineData("9791032305690")]
    [InlineData("9798886450019")]
    public void ToIsbn10_979_ReturnsNull(string text)
    {
        Assert.Null(Isbn.Parse(text).ToIsbn10());
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithTheMessage()
    {
        var exception = Assert.Throws<FormatException>(() => Isbn.Parse("9780306406158"));
        Assert.Contains("wrong check digit", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ReturnsTheThirteenDigits()
    {
        Assert.Equal("9780306406157", Isbn.Parse("0-306-40615-2").ToString());
    }

    [Fact]
    public void Equals_Isbn10AndItsIsbn13_AreEqual()
    {
        Assert.Equal(Isbn.Parse("0306406152"), Isbn.Parse("978-0-306-40615-7"));
    }
}
