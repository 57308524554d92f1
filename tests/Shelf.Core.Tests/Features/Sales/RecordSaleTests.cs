using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Sales;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Sales;

public abstract class RecordSaleTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_TwoAt999NoDiscount_Totals1998()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "The Hobbit");

        var sale = await SaleTestData.RecordAsync(db, book.Id, 2, "9.99");

        Assert.Equal(19.98m, sale.Total);
        Assert.Equal(["2 | 999 | 0 | 1998 | USD"], await db.RowsAsync("SELECT quantity, unit_price_minor, discount_basis_points, total_minor, currency FROM sales"));
    }

    [Fact]
    public async Task ExecuteAsync_ThreeAt20TenPercentOff_Totals5400()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");

        var sale = await SaleTestData.RecordAsync(db, book.Id, 3, "20.00", discount: "10%");

        Assert.Equal(54.00m, sale.Total);
        Assert.Equal(0.1m, sale.Discount);
        Assert.Equal(["3 | 2000 | 1000 | 5400"], await db.RowsAsync("SELECT quantity, unit_price_minor, discount_basis_points, total_minor FROM sales"));
    }

    [Theory]
    [InlineData(1, "0.25", "50%", 13)] // 12.5 cents: half a cent rounds away from zero
    [InlineData(1, "0.01", "0.5", 1)] // 0.5 cent → 1 cent
    [InlineData(1, "0.05", "50%", 3)] // 2.5 cents → 3, not the even 2
    [InlineData(3, "0.10", "33.33%", 20)] // 30 × 0.6667 = 20.001 cents
    [InlineData(7, "1.99", "15%", 1184)] // 1393 × 0.85 = 1184.05 cents
    [InlineData(1, "0", "", 0)]
    public async Task ExecuteAsync_Rounding_StoredTotalIsAcceptedByTheDatabaseCheck(int quantity, string price, string discount, long totalMinor)
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Rounding");

        await SaleTestData.RecordAsync(db, book.Id, quantity, price, discount);

        Assert.Equal(totalMinor, await db.ScalarAsync<long>("SELECT total_minor FROM sales"));
    }

    [Fact]
    public async Task ExecuteAsync_NoPriceGiven_UsesTheListPriceAndItsCurrency()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Priced", price: "12.50", currency: "EUR");

        var sale = await SaleTestData.RecordAsync(db, new RecordSaleRequest(book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "2") { DefaultCurrency = "GBP" });

        Assert.Equal(12.50m, sale.UnitPrice);
        Assert.Equal("EUR", sale.Currency);
        Assert.Equal(25.00m, sale.Total);
    }

    [Fact]
    public async Task ExecuteAsync_PriceWithoutCurrency_UsesTheDefaultCurrency()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Priced", price: "12.50", currency: "EUR");

        var sale = await SaleTestData.RecordAsync(db, new RecordSaleRequest(book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "1") { Price = "10", DefaultCurrency = "GBP" });

        Assert.Equal("GBP", sale.Currency);
        Assert.Equal(10.00m, sale.Total);
    }

    [Fact]
    public async Task ExecuteAsync_ByIsbnWithOrderNumberAndDate_StoresThemAndASnapshotOfTheBook()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "The Hobbit", isbn: "0-261-10221-4", author: "J.R.R. Tolkien");

        var sale = await SaleTestData.RecordAsync(db, new RecordSaleRequest("9780261102217", "1") { Price = "9.99", OrderNumber = "A-1", SoldAt = "2026-01-31" });

        Assert.Equal("A-1", sale.OrderNumber);
        Assert.Equal(new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc), sale.SoldAt);
        Assert.Equal(DateTimeKind.Utc, sale.SoldAt.Kind);
        var stored = await db.Sales.AsNoTracking().SingleAsync();
        Assert.Equal((book.Id, "The Hobbit", "9780261102217", "J.R.R. Tolkien"), (stored.BookId!.Value, stored.BookTitle, stored.BookIsbn13, stored.BookAuthor));
        Assert.Equal(new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc), stored.SoldAt);
    }

    [Fact]
    public async Task ExecuteAsync_DateWithTimeAndOffset_StoredAsUtc()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Timely");

        var sale = await SaleTestData.RecordAsync(db, book.Id, 1, "1", soldAt: "2026-01-31T23:30:00-02:00");

        Assert.Equal(new DateTime(2026, 2, 1, 1, 30, 0, DateTimeKind.Utc), (await db.Sales.AsNoTracking().SingleAsync()).SoldAt);
        Assert.Equal(new DateTime(2026, 2, 1, 1, 30, 0, DateTimeKind.Utc), sale.SoldAt);
    }

    [Fact]
    public async Task ExecuteAsync_NoOrderNumber_MakesDistinctOnes()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Popular");

        var first = await SaleTestData.RecordAsync(db, book.Id, 1, "5");
        var second = await SaleTestData.RecordAsync(db, book.Id, 1, "5");

        Assert.StartsWith("S", first.OrderNumber, StringComparison.Ordinal);
        Assert.NotEqual(first.OrderNumber, second.OrderNumber);
    }

    [Theory]
    [InlineData("99", "1", "9.99", null, null, ErrorKind.NotFound, "book.not_found")]
    [InlineData("1", "0", "9.99", null, null, ErrorKind.Invalid, "sale.quantity_not_positive")]
    [InlineData("1", "-2", "9.99", null, null, ErrorKind.Invalid, "sale.quantity_not_positive")]
    [InlineData("1", "1.5", "9.99", null, null, ErrorKind.Invalid, "sale.quantity_not_number")]
    [InlineData("1", "100001", "9.99", null, null, ErrorKind.Invalid, "sale.quantity_too_large")]
    [InlineData("1", "1", "-1", null, null, ErrorKind.Invalid, "sale.price_invalid")]
    [InlineData("1", "1", "9,99", null, null, ErrorKind.Invalid, "sale.price_invalid")]
    [InlineData("1", "1", "0.125", null, null, ErrorKind.Invalid, "sale.price_invalid")]
    [InlineData("1", "1", "9.99", "1", null, ErrorKind.Invalid, "sale.discount_invalid")]
    [InlineData("1", "1", "9.99", "-0.1", null, ErrorKind.Invalid, "sale.discount_invalid")]
    [InlineData("1", "1", "9.99", "100%", null, ErrorKind.Invalid, "sale.discount_invalid")]
    [InlineData("1", "1", "9.99", null, "TAKEN", ErrorKind.Conflict, "sale.order_number_taken")]
    [InlineData("1", "1", "9.99", null, "has space", ErrorKind.Invalid, "sale.order_number_invalid")]
    public async Task ExecuteAsync_BadInput_ReturnsTheErrorAndLeavesTheLedgerUnchanged(
        string book, string quantity, string price, string? discount, string? orderNumber, ErrorKind kind, string code)
    {
        await using var db = await fixture.OpenNewAsync();
        var added = await SaleTestData.AddBookAsync(db, "Kept");
        await SaleTestData.RecordAsync(db, new RecordSaleRequest(added.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "1") { Price = "1", OrderNumber = "TAKEN" });
        var before = await SaleTestData.LedgerAsync(db);

        var result = await new RecordSale(db).ExecuteAsync(new RecordSaleRequest(book, quantity) { Price = price, Discount = discount, OrderNumber = orderNumber }, default);

        Assert.Equal(kind, result.Error!.Kind);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(before, await SaleTestData.LedgerAsync(db));
    }

    [Fact]
    public async Task ExecuteAsync_NoPriceAndNoListPrice_AsksForThePrice()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Unpriced");

        var result = await new RecordSale(db).ExecuteAsync(new RecordSaleRequest(book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"), default);

        Assert.Equal("sale.no_price", result.Error!.Code);
        Assert.Contains("no list price", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Sales.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_CurrencyOtherThanTheListPrice_AsksForThePrice()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Priced", price: "12.50", currency: "EUR");

        var result = await new RecordSale(db).ExecuteAsync(new RecordSaleRequest(book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "1") { Currency = "USD" }, default);

        Assert.Equal("sale.currency_mismatch", result.Error!.Code);
        Assert.Equal(0, await db.Sales.CountAsync());
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : RecordSaleTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : RecordSaleTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : RecordSaleTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
