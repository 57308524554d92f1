using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Features.Sales;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Sales;

/// <summary>Record, read, update and delete on each database, and the rule that a refunded sale stays.</summary>
public abstract class DeleteSaleTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task RecordReadEditDelete_OneSale_EachStepSeenByTheNext()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Round Trip", price: "9.99");

        var recorded = await SaleTestData.RecordAsync(db, new RecordSaleRequest(book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "2") { OrderNumber = "RT-1" });
        var read = await new GetSale(db).ExecuteAsync("RT-1", default);
        var edited = await new EditSale(db).ExecuteAsync(new EditSaleRequest("RT-1") { Discount = "50%" }, default);
        var reread = await new GetSale(db).ExecuteAsync("rt-1".ToUpperInvariant(), default);
        var deleted = await new DeleteSale(db).ExecuteAsync("RT-1", default);
        var gone = await new GetSale(db).ExecuteAsync("RT-1", default);

        Assert.Equal(19.98m, recorded.Total);
        Assert.Equal(recorded, read.Value.Sale);
        Assert.Equal(9.99m, edited.Value.Total);
        Assert.Equal(9.99m, reread.Value.Sale.Total);
        Assert.Equal("RT-1", deleted.Value.OrderNumber);
        Assert.Equal("sale.not_found", gone.Error!.Code);
        Assert.Equal(0, await db.Sales.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_SaleWithRefunds_ConflictNamingTheRefundsAndNothingDeleted()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 3, "1.00");
        var refund = await SaleTestData.RefundAsync(db, sale.OrderNumber, 1);
        var before = await SaleTestData.LedgerAsync(db);

        var result = await new DeleteSale(db).ExecuteAsync(sale.OrderNumber, default);

        Assert.Equal(ErrorKind.Conflict, result.Error!.Kind);
        Assert.Equal("sale.delete_refunded", result.Error.Code);
        Assert.Contains(refund.OrderNumber, result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SaleTestData.LedgerAsync(db));
    }

    [Fact]
    public async Task ExecuteAsync_TheRefundsFirst_ThenTheSale()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 3, "1.00");
        var refund = await SaleTestData.RefundAsync(db, sale.OrderNumber, 1);

        var refundDeleted = await new DeleteSale(db).ExecuteAsync(refund.OrderNumber, default);
        var saleDeleted = await new DeleteSale(db).ExecuteAsync(sale.OrderNumber, default);

        Assert.True(refundDeleted.IsSuccess);
        Assert.True(saleDeleted.IsSuccess);
        Assert.Equal(0, await db.Sales.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_UnknownOrder_NotFound()
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new DeleteSale(db).ExecuteAsync("42", default);

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : DeleteSaleTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : DeleteSaleTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : DeleteSaleTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
