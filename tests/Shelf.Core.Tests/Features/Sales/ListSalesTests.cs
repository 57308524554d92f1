using Shelf.Core.Features.Books;
using Shelf.Core.Features.Sales;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Sales;

public abstract class ListSalesTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_Period_IncludesBothEndDaysInUtc()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        await SaleTestData.RecordAsync(db, book.Id, 1, "1", soldAt: "2025-12-31T23:59:59Z");
        var first = await SaleTestData.RecordAsync(db, book.Id, 1, "1", soldAt: "2026-01-01");
        var last = await SaleTestData.RecordAsync(db, book.Id, 1, "1", soldAt: "2026-01-31T23:59:59Z");
        await SaleTestData.RecordAsync(db, book.Id, 1, "1", soldAt: "2026-02-01");

        var page = await new ListSales(db).ExecuteAsync(new ListSalesRequest { From = "2026-01-01", To = "2026-01-31", CountTotal = true }, default);

        Assert.Equal([first.OrderNumber, last.OrderNumber], page.Value.Sales.Select(s => s.OrderNumber));
        Assert.Equal(2, page.Value.Total);
    }

    [Fact]
    public async Task ExecuteAsync_BookAndAuthorFilters_MatchTheCatalog()
    {
        await using var db = await fixture.OpenNewAsync();
        var hobbit = await SaleTestData.AddBookAsync(db, "The Hobbit", isbn: "9780261102217", author: "J.R.R. Tolkien");
        var dune = await SaleTestData.AddBookAsync(db, "Dune", author: "Frank Herbert");
        var hobbitSale = await SaleTestData.RecordAsync(db, hobbit.Id, 1, "1");
        var duneSale = await SaleTestData.RecordAsync(db, dune.Id, 1, "1");

        var byIsbn = await new ListSales(db).ExecuteAsync(new ListSalesRequest { Book = "0-261-10221-4" }, default);
        var byId = await new ListSales(db).ExecuteAsync(new ListSalesRequest { Book = dune.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, default);
        var byAuthor = await new ListSales(db).ExecuteAsync(new ListSalesRequest { Author = "tolkien" }, default);
        var unknownBook = await new ListSales(db).ExecuteAsync(new ListSalesRequest { Book = "99" }, default);

        Assert.Equal([hobbitSale.OrderNumber], byIsbn.Value.Sales.Select(s => s.OrderNumber));
        Assert.Equal([duneSale.OrderNumber], byId.Value.Sales.Select(s => s.OrderNumber));
        Assert.Equal([hobbitSale.OrderNumber], byAuthor.Value.Sales.Select(s => s.OrderNumber));
        Assert.Equal("book.not_found", unknownBook.Error!.Code);
    }

    [Fact]
    public async Task ExecuteAsync_BookRemovedFromTheCatalog_SalesKeepTheirTitleAndIsbn()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "The Hobbit", isbn: "9780261102217", author: "J.R.R. Tolkien");
        var sale = await SaleTestData.RecordAsync(db, book.Id, 2, "9.99");
        var refund = await SaleTestData.RefundAsync(db, sale.OrderNumber, 1);

        Assert.True((await new RemoveBook(db).ExecuteAsync(book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), default)).IsSuccess);
        var listed = await new ListSales(db).ExecuteAsync(new ListSalesRequest(), default);
        var shown = await new GetSale(db).ExecuteAsync(sale.OrderNumber, default);

        Assert.Equal([sale.OrderNumber, refund.OrderNumber], listed.Value.Sales.Select(s => s.OrderNumber));
        Assert.All(listed.Value.Sales, s => Assert.Equal((null, "The Hobbit", "9780261102217", "J.R.R. Tolkien"), (s.BookId, s.Title, s.Isbn13, s.Author)));
        Assert.Equal(19.98m, shown.Value.Sale.Total);
        Assert.Equal(refund.OrderNumber, Assert.Single(shown.Value.Refunds).OrderNumber);
    }

    [Theory]
    [InlineData("2026-13-01", null)]
    [InlineData(null, "yesterday")]
    [InlineData("2026-02-01", "2026-01-01")]
    public async Task ExecuteAsync_BadPeriod_Invalid(string? from, string? to)
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new ListSales(db).ExecuteAsync(new ListSalesRequest { From = from, To = to }, default);

        Assert.Equal(Shelf.Core.Common.ErrorKind.Invalid, result.Error!.Kind);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ListSalesTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ListSalesTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : ListSalesTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
