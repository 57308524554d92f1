using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Sales;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Sales;

public abstract class RefundSaleTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_SomeCopies_AddsARefundRowAndNeverRewritesTheSale()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 3, "20.00", "10%");
        var saleRow = await db.RowsAsync("SELECT * FROM sales WHERE id = @id", ("id", sale.Id));

        var refund = await SaleTestData.RefundAsync(db, sale.OrderNumber, 2, "2026-02-03");

        Assert.Equal(SaleKind.Refund, refund.Kind);
        Assert.Equal(sale.OrderNumber, refund.RefundOf);
        Assert.StartsWith("R", refund.OrderNumber, StringComparison.Ordinal);
        Assert.Equal((2, 20.00m, 0.1m, 36.00m), (refund.Quantity, refund.UnitPrice, refund.Discount, refund.Total));
        Assert.Equal(new DateTime(2026, 2, 3, 0, 0, 0, DateTimeKind.Utc), refund.SoldAt);
        Assert.Equal(saleRow, await db.RowsAsync("SELECT * FROM sales WHERE id = @id", ("id", sale.Id)));
        var details = (await new GetSale(db).ExecuteAsync(sale.OrderNumber, default)).Value;
        Assert.Equal((2, 1), (details.RefundedQuantity, details.RefundableQuantity));
    }

    [Fact]
    public async Task ExecuteAsync_NoQuantity_RefundsEveryCopyLeft()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 5, "3.00");
        await SaleTestData.RefundAsync(db, sale.OrderNumber, 2);

        var rest = await SaleTestData.RefundAsync(db, sale.OrderNumber);

        Assert.Equal(3, rest.Quantity);
        Assert.Equal(9.00m, rest.Total);
    }

    [Theory]
    [InlineData(3, 0, 4)]
    [InlineData(3, 2, 2)]
    [InlineData(1, 0, 2)]
    public async Task ExecuteAsync_MoreThanSoldMinusRefunded_ConflictAndNothingWritten(int sold, int refundedBefore, int asked)
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, sold, "1.00");
        if (refundedBefore > 0)
        {
            await SaleTestData.RefundAsync(db, sale.OrderNumber, refundedBefore);
        }

        var before = await SaleTestData.LedgerAsync(db);

        var result = await new RefundSale(db).ExecuteAsync(new RefundSaleRequest(sale.OrderNumber) { Quantity = asked.ToString(System.Globalization.CultureInfo.InvariantCulture) }, default);

        Assert.Equal(ErrorKind.Conflict, result.Error!.Kind);
        Assert.Equal("sale.refund_too_many", result.Error.Code);
        Assert.Contains($"at most {sold - refundedBefore} can be refunded", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SaleTestData.LedgerAsync(db));
    }

    [Fact]
    public async Task ExecuteAsync_AlreadyFullyRefunded_Conflict()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 2, "1.00");
        await SaleTestData.RefundAsync(db, sale.OrderNumber);

        var again = await new RefundSale(db).ExecuteAsync(new RefundSaleRequest(sale.OrderNumber), default);

        Assert.Equal("sale.fully_refunded", again.Error!.Code);
        Assert.Equal(2, await db.Sales.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_OneCopyAtATime_PaysBackExactlyTheSaleTotal()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Cheap");

        // 3 × 0.05 at 50% = 0.075 → 0.08; refunds of one copy each pay 0.03, 0.02, 0.03.
        var sale = await SaleTestData.RecordAsync(db, book.Id, 3, "0.05", "50%");
        var refunds = new List<decimal>();
        for (var i = 0; i < 3; i++)
        {
            refunds.Add((await SaleTestData.RefundAsync(db, sale.OrderNumber, 1)).Total);
        }

        Assert.Equal(0.08m, sale.Total);
        Assert.Equal([0.03m, 0.02m, 0.03m], refunds);
        Assert.Equal(sale.Total, refunds.Sum());
    }

    [Fact]
    public async Task ExecuteAsync_ARefund_IsRefused()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 2, "1.00");
        var refund = await SaleTestData.RefundAsync(db, sale.OrderNumber, 1);

        var result = await new RefundSale(db).ExecuteAsync(new RefundSaleRequest(refund.OrderNumber), default);

        Assert.Equal("sale.refund_of_refund", result.Error!.Code);
    }

    [Theory]
    [InlineData("NOPE", null, ErrorKind.NotFound)]
    [InlineData(null, "0", ErrorKind.Invalid)]
    [InlineData(null, "-1", ErrorKind.Invalid)]
    [InlineData(null, "two", ErrorKind.Invalid)]
    public async Task ExecuteAsync_UnknownOrderOrBadQuantity_Refused(string? order, string? quantity, ErrorKind kind)
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 2, "1.00");

        var result = await new RefundSale(db).ExecuteAsync(new RefundSaleRequest(order ?? sale.OrderNumber) { Quantity = quantity }, default);

        Assert.Equal(kind, result.Error!.Kind);
        Assert.Equal(1, await db.Sales.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_TwoRefundsAtOnceThatDoNotBothFit_OnlyOneIsRecorded()
    {
        var target = await fixture.NewDatabaseAsync();
        string order;
        await using (var db = await DatabaseFixture.OpenAsync(target))
        {
            var book = await SaleTestData.AddBookAsync(db, "Contested");
            order = (await SaleTestData.RecordAsync(db, book.Id, 3, "1.00")).OrderNumber;
        }

        // Two programs, each with its own connection, refund 2 of the 3 copies at the same moment.
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var db = await DatabaseFixture.OpenAsync(target);
            return await new RefundSale(db).ExecuteAsync(new RefundSaleRequest(order) { Quantity = "2" }, default);
        })));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Single(results, r => r.Error?.Code == "sale.refund_too_many");
        await using var check = await DatabaseFixture.OpenAsync(target);
        Assert.Equal(2, await check.Sales.Where(s => s.Kind == SaleKind.Refund && s.RefundOf!.OrderNumber == order).SumAsync(s => s.Quantity));
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : RefundSaleTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : RefundSaleTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : RefundSaleTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
