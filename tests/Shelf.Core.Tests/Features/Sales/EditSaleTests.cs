using Shelf.Core.Common;
using Shelf.Core.Features.Sales;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Sales;

public abstract class EditSaleTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_NewQuantity_TheTotalFollows()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 3, "20.00", "10%");

        var edited = await new EditSale(db).ExecuteAsync(new EditSaleRequest(sale.OrderNumber) { Quantity = "2" }, default);

        Assert.Equal((2, 36.00m), (edited.Value.Quantity, edited.Value.Total));
        Assert.Equal(["2 | 2000 | 1000 | 3600"], await db.RowsAsync("SELECT quantity, unit_price_minor, discount_basis_points, total_minor FROM sales"));
    }

    [Fact]
    public async Task ExecuteAsync_NewPriceAndNoDiscount_TheTotalFollows()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 2, "20.00", "10%");

        var edited = await new EditSale(db).ExecuteAsync(new EditSaleRequest(sale.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Price = "9.99", Discount = "0" }, default);

        Assert.Equal(19.98m, edited.Value.Total);
        Assert.Equal(["999 | 0 | 1998"], await db.RowsAsync("SELECT unit_price_minor, discount_basis_points, total_minor FROM sales"));
    }

    [Theory]
    [InlineData("0", null, null, "sale.quantity_not_positive")]
    [InlineData(null, "-5", null, "sale.price_invalid")]
    [InlineData(null, "9,99", null, "sale.price_invalid")]
    [InlineData(null, null, "1.5", "sale.discount_invalid")]
    [InlineData(null, null, null, "sale.edit_nothing")]
    public async Task ExecuteAsync_BadValue_InvalidAndUnchanged(string? quantity, string? price, string? discount, string code)
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 2, "20.00");
        var before = await SaleTestData.LedgerAsync(db);

        var result = await new EditSale(db).ExecuteAsync(new EditSaleRequest(sale.OrderNumber) { Quantity = quantity, Price = price, Discount = discount }, default);

        Assert.Equal(ErrorKind.Invalid, result.Error!.Kind);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(before, await SaleTestData.LedgerAsync(db));
    }

    [Fact]
    public async Task ExecuteAsync_SaleWithRefunds_ConflictAndUnchanged()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 3, "20.00");
        var refund = await SaleTestData.RefundAsync(db, sale.OrderNumber, 1);
        var before = await SaleTestData.LedgerAsync(db);

        var onSale = await new EditSale(db).ExecuteAsync(new EditSaleRequest(sale.OrderNumber) { Quantity = "5" }, default);
        var onRefund = await new EditSale(db).ExecuteAsync(new EditSaleRequest(refund.OrderNumber) { Quantity = "1" }, default);

        Assert.Equal("sale.edit_refunded", onSale.Error!.Code);
        Assert.Contains(refund.OrderNumber, onSale.Error.Message, StringComparison.Ordinal);
        Assert.Equal("sale.edit_refund", onRefund.Error!.Code);
        Assert.Equal(before, await SaleTestData.LedgerAsync(db));
    }

    [Fact]
    public async Task ExecuteAsync_UnknownOrder_NotFound()
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new EditSale(db).ExecuteAsync(new EditSaleRequest("S-NOPE") { Quantity = "1" }, default);

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
        Assert.Contains("S-NOPE", result.Error.Message, StringComparison.Ordinal);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : EditSaleTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : EditSaleTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : EditSaleTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
