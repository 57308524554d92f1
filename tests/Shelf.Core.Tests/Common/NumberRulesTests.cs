using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Sales;

namespace Shelf.Core.Tests.Common;

/// <summary>A number that is a number but too large or too small says so and gives the limit, not "not a number".</summary>
public sealed class NumberRulesTests
{
    [Theory]
    [InlineData("99999999999999", "book.pages_too_many", "99999999999999 pages is too large; at most ")]
    [InlineData("200000", "book.pages_too_many", "200000 pages is too large; at most ")]
    [InlineData("-99999999999999", "book.pages_not_positive", "pages must be greater than 0, not -99999999999999")]
    [InlineData("12a", "book.pages_not_number", "pages must be a whole number, not '12a'")]
    public void Pages_OutOfRangeOrNotANumber_SaysWhich(string typed, string code, string message)
    {
        var result = BookRules.Pages(typed);

        Assert.Equal(code, result.Error?.Code);
        Assert.StartsWith(message, result.Error!.Message, StringComparison.Ordinal);
        if (code == "book.pages_too_many")
        {
            Assert.EndsWith(Book.MaxPages.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("99999999999", "year 99999999999 is too large; at most ")]
    [InlineData("-99999999999", "year -99999999999 is too small; at least ")]
    public void Year_BeyondAnyNumber_SaysTooLargeOrTooSmall(string typed, string message)
    {
        var result = BookRules.Year(typed);

        Assert.Equal("book.year_out_of_range", result.Error?.Code);
        Assert.StartsWith(message, result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99999999999999", "sale.quantity_too_large", "99999999999999 copies is too large; at most ")]
    [InlineData("-99999999999999", "sale.quantity_not_positive", "the quantity must be 1 or more")]
    [InlineData("two", "sale.quantity_not_number", "the quantity must be a whole number")]
    public void Quantity_OutOfRangeOrNotANumber_SaysWhich(string typed, string code, string message)
    {
        var result = SaleRules.Quantity(typed);

        Assert.Equal(code, result.Error?.Code);
        Assert.StartsWith(message, result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42", "Number")]
    [InlineData(" +7 ", "Number")]
    [InlineData("2147483648", "TooLarge")]
    [InlineData("-2147483649", "TooSmall")]
    [InlineData("1e3", "NotANumber")]
    [InlineData("-", "NotANumber")]
    [InlineData("１２", "NotANumber")]
    public void WholeNumber_Parse_TellsNumbersFromOverflowsFromText(string typed, string expected)
    {
        Assert.Equal(expected, WholeNumber.Parse(typed, out _).ToString());
    }
}
