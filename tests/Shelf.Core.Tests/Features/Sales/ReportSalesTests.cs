using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Sales;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Sales;

public abstract class ReportSalesTests(DatabaseFixture fixture)
{
    [Theory]
    [InlineData(SalesGrouping.Book)]
    [InlineData(SalesGrouping.Author)]
    [InlineData(SalesGrouping.Month)]
    [InlineData(SalesGrouping.Year)]
    public async Task ExecuteAsync_AnyGrouping_LinesAndTotalsEqualTheSumOfTheRows(SalesGrouping by)
    {
        await using var db = await fixture.OpenNewAsync();
        await RecordMixedLedgerAsync(db);
        var rows = (await new ListSales(db).ExecuteAsync(new ListSalesRequest(), default)).Value.Sales;

        var report = (await new ReportSales(db).ExecuteAsync(new ReportSalesRequest(by), default)).Value;

        foreach (var currency in new[] { "EUR", "USD" })
        {
            var sales = rows.Where(r => r.Currency == currency && r.Kind == SaleKind.Sale).ToList();
            var refunds = rows.Where(r => r.Currency == currency && r.Kind == SaleKind.Refund).ToList();
            var expected = new SalesReportLine
            {
                Group = "total",
                Currency = currency,
                UnitsSold = sales.Sum(s => s.Quantity),
                UnitsRefunded = refunds.Sum(s => s.Quantity),
                Gross = sales.Sum(s => s.Quantity * s.UnitPrice),
                Discounts = sales.Sum(s => (s.Quantity * s.UnitPrice) - s.Total),
                Refunds = refunds.Sum(s => s.Total),
                Net = sales.Sum(s => s.Total) - refunds.Sum(s => s.Total),
            };
            Assert.Equal(expected, report.Totals.Single(t => t.Currency == currency));

            var lines = report.Lines.Where(l => l.Currency == currency).ToList();
            Assert.Equal(expected.UnitsSold, lines.Sum(l => l.UnitsSold));
            Assert.Equal(expected.UnitsRefunded, lines.Sum(l => l.UnitsRefunded));
            Assert.Equal(expected.Gross, lines.Sum(l => l.Gross));
            Assert.Equal(expected.Discounts, lines.Sum(l => l.Discounts));
            Assert.Equal(expected.Refunds, lines.Sum(l => l.Refunds));
            Assert.Equal(expected.Net, lines.Sum(l => l.Net));
        }
    }

    [Fact]
    public async Task ExecuteAsync_ByMonth_UsesTheUtcMonthAndCountsRefundsWhenMade()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 3, "20.00", "10%", soldAt: "2026-01-31T23:30:00Z");
        await SaleTestData.RefundAsync(db, sale.OrderNumber, 1, "2026-02-01T00:10:00Z");

        var report = (await new ReportSales(db).ExecuteAsync(new ReportSalesRequest(SalesGrouping.Month), default)).Value;

        Assert.Equal(
            [("2026-01", 3L, 0L, 60.00m, 6.00m, 0.00m, 54.00m), ("2026-02", 0L, 1L, 0.00m, 0.00m, 18.00m, -18.00m)],
            report.Lines.Select(l => (l.Group, l.UnitsSold, l.UnitsRefunded, l.Gross, l.Discounts, l.Refunds, l.Net)));
        Assert.Equal(36.00m, report.Totals.Single().Net);
    }

    [Fact]
    public async Task ExecuteAsync_ByBookAndAuthor_CurrentCatalogNamesAndRemovedBooksBySnapshot()
    {
        await using var db = await fixture.OpenNewAsync();
        var kept = await SaleTestData.AddBookAsync(db, "Dune", author: "Frank Herbert");
        var removed = await SaleTestData.AddBookAsync(db, "The Hobbit", isbn: "9780261102217", author: "J.R.R. Tolkien");
        await SaleTestData.RecordAsync(db, kept.Id, 2, "10.00");
        await SaleTestData.RecordAsync(db, removed.Id, 1, "9.99");
        await new RemoveBook(db).ExecuteAsync(removed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        await new EditBook(db).ExecuteAsync(new EditBookRequest(kept.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Title = "Dune (50th anniversary)" }, default);

        var byBook = (await new ReportSales(db).ExecuteAsync(new ReportSalesRequest(SalesGrouping.Book), default)).Value;
        var byAuthor = (await new ReportSales(db).ExecuteAsync(new ReportSalesRequest(SalesGrouping.Author), default)).Value;

        Assert.Equal([("Dune (50th anniversary)", (int?)kept.Id, 20.00m), ("The Hobbit", null, 9.99m)], byBook.Lines.Select(l => (l.Group, l.Id, l.Net)));
        Assert.Equal(["Frank Herbert", "J.R.R. Tolkien"], byAuthor.Lines.Select(l => l.Group));
    }

    [Fact]
    public async Task ExecuteAsync_Period_OnlyRowsInside()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        await SaleTestData.RecordAsync(db, book.Id, 1, "1.00", soldAt: "2025-06-01");
        await SaleTestData.RecordAsync(db, book.Id, 2, "1.00", soldAt: "2026-06-01");

        var report = (await new ReportSales(db).ExecuteAsync(new ReportSalesRequest(SalesGrouping.Year) { From = "2026-01-01", To = "2026-12-31" }, default)).Value;

        Assert.Equal([("2026", 2L)], report.Lines.Select(l => (l.Group, l.UnitsSold)));
    }

    [Fact]
    public async Task ExecuteAsync_EmptyLedger_NoLines()
    {
        await using var db = await fixture.OpenNewAsync();

        var report = (await new ReportSales(db).ExecuteAsync(new ReportSalesRequest(SalesGrouping.Book), default)).Value;

        Assert.Empty(report.Lines);
        Assert.Empty(report.Totals);
    }

    // Two currencies, discounts, partial refunds, several months and a removed book.
    private static async Task RecordMixedLedgerAsync(ShelfDbContext db)
    {
        var hobbit = await SaleTestData.AddBookAsync(db, "The Hobbit", author: "J.R.R. Tolkien");
        var silmarillion = await SaleTestData.AddBookAsync(db, "The Silmarillion", author: "J.R.R. Tolkien");
        var dune = await SaleTestData.AddBookAsync(db, "Dune", author: "Frank Herbert");
        var gone = await SaleTestData.AddBookAsync(db, "Gone", author: "Nobody Now");
        var a = await SaleTestData.RecordAsync(db, hobbit.Id, 2, "9.99", soldAt: "2025-11-05");
        await SaleTestData.RecordAsync(db, silmarillion.Id, 3, "0.10", "33.33%", soldAt: "2025-12-24");
        var b = await SaleTestData.RecordAsync(db, dune.Id, 3, "20.00", "10%", soldAt: "2026-01-31");
        await SaleTestData.RecordAsync(db, new RecordSaleRequest(dune.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "7") { Price = "1.99", Discount = "15%", Currency = "EUR", SoldAt = "2026-02-14" });
        var c = await SaleTestData.RecordAsync(db, gone.Id, 3, "0.05", "50%", soldAt: "2026-03-01");
        await SaleTestData.RefundAsync(db, a.OrderNumber, 1, "2025-12-01");
        await SaleTestData.RefundAsync(db, b.OrderNumber, 2, "2026-02-02");
        await SaleTestData.RefundAsync(db, c.OrderNumber, 1, "2026-03-02");
        await new RemoveBook(db).ExecuteAsync(gone.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), default);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ReportSalesTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ReportSalesTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : ReportSalesTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
