using System.Text.RegularExpressions;
using Shelf.Core.Domain;

namespace Shelf.Core.Tests.Domain;

public partial class OrderNumberTests
{
    [Fact]
    public void NewSale_ManyInOneSecond_AllDistinctAndInOrder()
    {
        var numbers = Enumerable.Range(0, 100_000).Select(_ => OrderNumber.NewSale()).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(numbers, numbers.Order(StringComparer.Ordinal));
        Assert.All(numbers, n => Assert.Matches(SaleNumber(), n));
    }

    [Fact]
    public async Task NewSale_FromManyThreadsAtOnce_AllDistinct()
    {
        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Enumerable.Range(0, 10_000).Select(_ => OrderNumber.NewSale()).ToList())));

        var all = batches.SelectMany(b => b).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NewRefund_StartsWithR()
    {
        Assert.Matches("^R[0-9A-HJKMNP-TV-Z]{7}-[0-9A-HJKMNP-TV-Z]{8}$", OrderNumber.NewRefund());
    }

    [Theory]
    [InlineData("A-1", "A-1")]
    [InlineData("  2026/0042 ", "2026/0042")]
    [InlineData("#77", "#77")]
    public void TryParse_GivenNumber_Trimmed(string text, string expected)
    {
        Assert.True(OrderNumber.TryParse(text, out var number, out _));

        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("A 1", "contains a space")]
    [InlineData("A\t1", "contains a space")]
    [InlineData("12345678901234567890123456789012345678901", "at most 40")]
    public void TryParse_BadNumber_Refused(string text, string expected)
    {
        Assert.False(OrderNumber.TryParse(text, out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [GeneratedRegex("^S[0-9A-HJKMNP-TV-Z]{7}-[0-9A-HJKMNP-TV-Z]{8}$")]
    private static partial Regex SaleNumber();
}
