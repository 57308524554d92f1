using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Sales;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Sales;

public abstract class ImportSalesTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_GoodAndBadRows_AddsTheGoodAndReportsEachBadOneWithLineReasonAndText()
    {
        await using var db = await fixture.OpenNewAsync();
        var hobbit = await SaleTestData.AddBookAsync(db, "The Hobbit", price: "9.99", isbn: "9780261102217");
        var dune = await SaleTestData.AddBookAsync(db, "Dune");
        const string Csv =
            """
            order_number,book,quantity,unit_price,discount,currency,sold_at
            A-1,9780261102217,2,,,,2026-01-31
            A-2,{dune},3,20.00,10%,,2026-02-01T10:00:00Z
            ,{dune},1,"9,99",,,
            A-4,999,1,1.00,,,
            A-5,{dune},0,1.00,,,
            A-6,{dune},1,,,,
            A-1,{dune},1,1.00,,,
            A-8,{dune},1,1.00,1.5,,
            ,{dune},1,1.00,,eur,2026-03-01
            """;

        var summary = await ImportAsync(db, Csv.Replace("{dune}", dune.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal((9L, 3L), (summary.Read, summary.Added));
        Assert.Equal([4L, 5L, 6L, 7L, 8L, 9L], summary.Rejected.Select(r => r.Line));
        Assert.Contains("write amounts with a dot", summary.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("no book with id or ISBN '999'", summary.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("1 or more", summary.Rejected[2].Reason, StringComparison.Ordinal);
        Assert.Contains("no list price", summary.Rejected[3].Reason, StringComparison.Ordinal);
        Assert.Contains("line 2 of this file", summary.Rejected[4].Reason, StringComparison.Ordinal);
        Assert.Contains("discount", summary.Rejected[5].Reason, StringComparison.Ordinal);
        Assert.Equal($",{dune.Id},1,\"9,99\",,,", summary.Rejected[0].Raw);
        Assert.Equal("order_number,book,quantity,unit_price,discount,currency,sold_at", summary.Header);

        var rows = await db.Sales.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(
            [("A-1", hobbit.Id, 2, 999L, 0, 1998L, "USD"), ("A-2", dune.Id, 3, 2000L, 1000, 5400L, "USD")],
            rows.Take(2).Select(s => (s.OrderNumber, s.BookId!.Value, s.Quantity, s.UnitPriceMinor, s.DiscountBasisPoints, s.TotalMinor, s.Currency)));
        Assert.Equal(new DateTime(2026, 2, 1, 10, 0, 0, DateTimeKind.Utc), rows[1].SoldAt);
        Assert.Equal(("EUR", "The Hobbit"), (rows[2].Currency, rows[0].BookTitle));
        Assert.StartsWith("S", rows[2].OrderNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_OrderNumberAlreadyInTheLedger_RowRejected()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune", price: "5.00");
        await SaleTestData.RecordAsync(db, new RecordSaleRequest(book.Id.ToString(CultureInfo.InvariantCulture), "1") { OrderNumber = "X-1" });

        var summary = await ImportAsync(db, $"order_number,book_id,quantity\nX-1,{book.Id},2\nX-2,{book.Id},2\n");

        Assert.Equal(1, summary.Added);
        Assert.Contains("X-1 is already in the ledger", Assert.Single(summary.Rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_MoreRowsThanABatch_AllWrittenWithTheirTotals()
    {
        await using var db = await fixture.OpenNewAsync();
        var books = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            books.Add((await SaleTestData.AddBookAsync(db, $"Book {i}", price: "1.99")).Id);
        }

        var csv = new StringBuilder("isbn,book_id,quantity,discount,sold_at,order_number\n");
        long expected = 0;
        const int Rows = 12_345;
        for (var i = 0; i < Rows; i++)
        {
            var quantity = (i % 5) + 1;
            var discount = i % 4 * 5;
            expected += SaleMath.OrderTotal(quantity, 199, new Discount(discount * 100));
            csv.Append(CultureInfo.InvariantCulture, $",{books[i % 3]},{quantity},{discount}%,2026-01-{(i % 28) + 1:D2},{(i % 2 == 0 ? $"N-{i}" : string.Empty)}\n");
        }

        var summary = await ImportAsync(db, csv.ToString());

        Assert.Empty(summary.Rejected);
        Assert.Equal(Rows, summary.Added);
        Assert.Equal(Rows, await db.Sales.CountAsync());
        Assert.Equal(expected, await db.Sales.SumAsync(s => s.TotalMinor));
        Assert.Equal(Rows, await db.Sales.Select(s => s.OrderNumber).Distinct().CountAsync());
        var byDay = (await new ListSales(db).ExecuteAsync(new ListSalesRequest { From = "2026-01-28", To = "2026-01-28" }, default)).Value.Sales;
        Assert.Equal(Rows / 28, byDay.Count);
    }

    [Fact]
    public async Task ExecuteAsync_DryRun_WritesNothing()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune", price: "5.00");

        var summary = await ImportAsync(db, $"book,quantity\n{book.Id},2\n", dryRun: true);

        Assert.Equal(1, summary.Added);
        Assert.True(summary.DryRun);
        Assert.Equal(0, await db.Sales.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_SemicolonsAndQuotedHeader_HeaderKeepsTheSeparator()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune", price: "5.00");

        var summary = await ImportAsync(db, $"book;quantity;\"note; free\"\n{book.Id};x;a\n{book.Id};1;b\n");

        Assert.Equal(1, summary.Added);
        Assert.Equal("book;quantity;\"note; free\"", summary.Header);
        Assert.Equal($"{book.Id};x;a", Assert.Single(summary.Rejected).Raw);
    }

    [Fact]
    public async Task ExecuteAsync_RejectsStream_GetsTheHeaderAndEachBadRowAsTheFileHadIt()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune", price: "5.00");
        var csv = $"book;quantity;note\r\n{book.Id};x;\"a; b\"\r\n{book.Id};1;ok\r\n999;1;\"Ünïcode\"\r\n";
        using var rejects = new MemoryStream();

        var result = await new ImportSales(db).ExecuteAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportSalesRequest { Rejects = rejects }, null, default);

        Assert.Equal(1, result.Value.Added);
        Assert.Equal([2L, 4L], result.Value.Rejected.Select(r => r.Line));
        Assert.Equal($"book;quantity;note\r\n{book.Id};x;\"a; b\"\r\n999;1;\"Ünïcode\"\r\n", Encoding.UTF8.GetString(rejects.ToArray()));
    }

    [Fact]
    public async Task ExecuteAsync_LegacySingleByteFile_ReadAsACatalogIsAndRejectedWithItsOwnBytes()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune", price: "5.00");
        var text = $"book,quantity,note\n{book.Id},1,café\n{book.Id},0,crème\n";
        var bytes = text.Select(c => (byte)c).ToArray(); // Windows-1252: é and è are one byte each, not valid UTF-8
        using var rejects = new MemoryStream();

        var result = await new ImportSales(db).ExecuteAsync(new MemoryStream(bytes), new ImportSalesRequest { Rejects = rejects }, null, default);

        Assert.Equal(1, result.Value.Added);
        Assert.Equal($"{book.Id},0,crème", Assert.Single(result.Value.Rejected).Raw);
        Assert.Equal($"book,quantity,note\n{book.Id},0,crème\n".Select(c => (byte)c).ToArray(), rejects.ToArray());
    }

    [Theory]
    [InlineData("title,quantity\nx,1\n", "no column book (or isbn, book_id)")]
    [InlineData("book,qty\n1,1\n", "no column quantity")]
    public async Task ExecuteAsync_MissingRequiredColumn_InvalidNamingIt(string csv, string expected)
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new ImportSales(db).ExecuteAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportSalesRequest(), null, default);

        Assert.Equal("import.unknown_format", result.Error!.Code);
        Assert.Contains(expected, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkWriter_DuplicateOrderNumber_FailsAsAUniqueViolationTheImportRecognises()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune");
        var sale = new Sale
        {
            OrderNumber = "DUP-1",
            BookId = book.Id,
            BookTitle = "Dune",
            Quantity = 1,
            UnitPriceMinor = 100,
            TotalMinor = 100,
            Currency = "USD",
            SoldAt = new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc),
            RecordedAt = new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc),
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using var writer = SaleBulkWriter.Create(db);

        await writer.WriteAsync([sale], default);
        var exception = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => writer.WriteAsync([sale], default));

        Assert.True(DatabaseErrors.IsUniqueViolation(exception), exception.Message);
    }

    [Fact]
    public async Task BulkWriter_Rows_ReadBackByEfExactly()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await SaleTestData.AddBookAsync(db, "Dune", isbn: "9780261102217");
        var soldAt = new DateTime(2026, 1, 31, 23, 59, 58, 123, 456, DateTimeKind.Utc);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await using var writer = SaleBulkWriter.Create(db);
            await writer.WriteAsync(
                [
                    new Sale
                    {
                        OrderNumber = "W-1", BookId = book.Id, BookTitle = "Dune", BookIsbn13 = "9780261102217", BookAuthor = null,
                        Quantity = 3, UnitPriceMinor = 2000, DiscountBasisPoints = 1000, TotalMinor = 5400, Currency = "EUR", SoldAt = soldAt, RecordedAt = soldAt,
                    },
                ],
                default);
            await transaction.CommitAsync();
        }

        var stored = await db.Sales.AsNoTracking().SingleAsync();
        var inJanuary = await new ListSales(db).ExecuteAsync(new ListSalesRequest { From = "2026-01-31", To = "2026-01-31" }, default);

        Assert.Equal(("W-1", SaleKind.Sale, book.Id, "9780261102217", (string?)null, 3, 2000L, 1000, 5400L, "EUR"), (stored.OrderNumber, stored.Kind, stored.BookId!.Value, stored.BookIsbn13, stored.BookAuthor, stored.Quantity, stored.UnitPriceMinor, stored.DiscountBasisPoints, stored.TotalMinor, stored.Currency));
        Assert.Equal(soldAt, stored.SoldAt);
        Assert.Single(inJanuary.Value.Sales);
    }

    private static async Task<SaleImportSummary> ImportAsync(ShelfDbContext db, string csv, bool dryRun = false)
    {
        var result = await new ImportSales(db).ExecuteAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportSalesRequest { DryRun = dryRun }, null, default);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ImportSalesTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ImportSalesTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : ImportSalesTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
