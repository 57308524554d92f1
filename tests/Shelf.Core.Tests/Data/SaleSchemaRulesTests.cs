using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MySql.Data.MySqlClient;
using Npgsql;
using Shelf.Core.Data;
using Shelf.Testing;

namespace Shelf.Core.Tests.Data;

/// <summary>
/// The database itself refuses bad ledger rows, whatever program writes them: plain SQL on the
/// connection, never EF. Each test runs in a transaction that is rolled back.
/// </summary>
public abstract class SaleSchemaRulesTests(DatabaseFixture fixture)
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(2, 999, 0, 1998)]
    [InlineData(3, 2000, 1000, 5400)]
    [InlineData(1, 25, 5000, 13)]
    [InlineData(3, 10, 3333, 20)]
    [InlineData(100_000, 1_000_000_000, 0, 100_000_000_000_000)]
    public async Task InsertSale_TotalOfTheFormula_Accepted(int quantity, long price, int discount, long total)
    {
        await using var scope = await BeginAsync();

        await InsertSaleAsync(scope.Db, quantity: quantity, price: price, discount: discount, total: total);

        Assert.Equal(1, await scope.Db.ScalarAsync<int>("SELECT count(*) FROM sales"));
    }

    [Theory]
    [InlineData(0, "ck_sales_quantity")]
    [InlineData(-1, "ck_sales_quantity")]
    [InlineData(100_001, "ck_sales_quantity")]
    public async Task InsertSale_QuantityOutOfRange_Rejected(int quantity, string constraint)
    {
        await using var scope = await BeginAsync();

        await AssertCheckViolationAsync(constraint, () => InsertSaleAsync(scope.Db, quantity: quantity, price: 0, total: 0));
    }

    [Fact]
    public async Task InsertSale_NegativePrice_Rejected()
    {
        await using var scope = await BeginAsync();

        await AssertCheckViolationAsync("ck_sales_unit_price", () => InsertSaleAsync(scope.Db, quantity: 1, price: -1, total: 0));
    }

    [Theory]
    [InlineData(-1, 100)]
    [InlineData(10_000, 0)]
    public async Task InsertSale_DiscountOutsideZeroToOne_Rejected(int discount, long total)
    {
        await using var scope = await BeginAsync();

        // The total is the formula's, so only the discount check can fail.
        await AssertCheckViolationAsync("ck_sales_discount", () => InsertSaleAsync(scope.Db, quantity: 1, price: 100, discount: discount, total: total));
    }

    [Theory]
    [InlineData(2, 999, 0, 1997)]
    [InlineData(1, 25, 5000, 12)] // half a cent rounds up, not down
    [InlineData(3, 2000, 1000, 6000)] // the discount was forgotten
    public async Task InsertSale_TotalNotTheFormula_Rejected(int quantity, long price, int discount, long total)
    {
        await using var scope = await BeginAsync();

        await AssertCheckViolationAsync("ck_sales_total", () => InsertSaleAsync(scope.Db, quantity: quantity, price: price, discount: discount, total: total));
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("U1D")]
    public async Task InsertSale_CurrencyNotThreeUpperCaseLetters_Rejected(string currency)
    {
        await using var scope = await BeginAsync();

        await AssertCheckViolationAsync("ck_sales_currency", () => InsertSaleAsync(scope.Db, currency: currency));
    }

    [Fact]
    public async Task InsertSale_FourLetterCurrency_Rejected()
    {
        await using var scope = await BeginAsync();

        // PostgreSQL's varchar(3) refuses it before the CHECK does; SQLite has only the CHECK.
        await Assert.ThrowsAnyAsync<DbException>(() => InsertSaleAsync(scope.Db, currency: "USDX"));
    }

    [Fact]
    public async Task InsertSale_DuplicateOrderNumber_RejectedByUniqueIndex()
    {
        await using var scope = await BeginAsync();
        await InsertSaleAsync(scope.Db, orderNumber: "A-1");

        var exception = await Assert.ThrowsAnyAsync<DbException>(() => InsertSaleAsync(scope.Db, orderNumber: "A-1"));

        Assert.True(DatabaseErrors.IsUniqueViolation(exception), exception.Message);
    }

    [Fact]
    public async Task InsertRefund_WithoutTheSaleItRefunds_RejectedByKindCheck()
    {
        await using var scope = await BeginAsync();

        await AssertCheckViolationAsync("ck_sales_kind", () => InsertSaleAsync(scope.Db, kind: "refund"));
    }

    [Fact]
    public async Task InsertRefund_RoundedWithinACent_Accepted()
    {
        await using var scope = await BeginAsync();
        var sale = await InsertSaleAsync(scope.Db, quantity: 3, price: 5, discount: 5000, total: 8);

        // Cumulative rounding pays 3, 2, 3 cents for 2.5 cents each.
        await InsertSaleAsync(scope.Db, orderNumber: "R-1", kind: "refund", refundOf: sale, quantity: 1, price: 5, discount: 5000, total: 3);
        await InsertSaleAsync(scope.Db, orderNumber: "R-2", kind: "refund", refundOf: sale, quantity: 1, price: 5, discount: 5000, total: 2);

        await AssertCheckViolationAsync(
            "ck_sales_total",
            () => InsertSaleAsync(scope.Db, orderNumber: "R-3", kind: "refund", refundOf: sale, quantity: 1, price: 5, discount: 5000, total: 5));
    }

    [Fact]
    public async Task DeleteBook_WithSales_KeepsTheSalesAndTheirSnapshot()
    {
        await using var scope = await BeginAsync();
        var book = await scope.Db.ScalarAsync<int>(
            "INSERT INTO books (title, title_key, added_at, updated_at, read_count) VALUES ('Dune', 'dune', @now, @now, 0) RETURNING id",
            ("now", Now));
        var sale = await InsertSaleAsync(scope.Db, book: book);

        await scope.Db.ExecuteAsync("DELETE FROM books WHERE id = @id", ("id", book));

        Assert.Equal(["∅ | Dune"], await scope.Db.RowsAsync("SELECT book_id, book_title FROM sales WHERE id = @id", ("id", sale)));
    }

    [Fact]
    public async Task DeleteSale_WithRefunds_RejectedByForeignKey()
    {
        await using var scope = await BeginAsync();
        var sale = await InsertSaleAsync(scope.Db, quantity: 2, price: 100, total: 200);
        await InsertSaleAsync(scope.Db, orderNumber: "R-1", kind: "refund", refundOf: sale, quantity: 1, price: 100, total: 100);

        var exception = await Assert.ThrowsAnyAsync<DbException>(() => scope.Db.ExecuteAsync("DELETE FROM sales WHERE id = @id", ("id", sale)));

        switch (exception)
        {
            case SqliteException sqlite:
                Assert.Contains(sqlite.SqliteExtendedErrorCode, new[] { 787, 1811 });
                break;
            case PostgresException postgres:
                Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, postgres.SqlState);
                Assert.Equal("fk_sales_sales_refund_of_sale_id", postgres.ConstraintName);
                break;
            case MySqlException mysql:
                Assert.Equal(1451, mysql.Number);
                Assert.Contains("fk_sales_sales_refund_of_sale_id", mysql.Message, StringComparison.Ordinal);
                break;
            default:
                Assert.Fail(exception.Message);
                break;
        }
    }

    private async Task<Scope> BeginAsync()
    {
        var db = await fixture.OpenAsync();
        var transaction = await db.Database.BeginTransactionAsync();
        return new Scope(db, transaction);
    }

    private static async Task<long> InsertSaleAsync(
        ShelfDbContext db,
        string orderNumber = "A-1",
        string kind = "sale",
        long? refundOf = null,
        int? book = null,
        int quantity = 1,
        long price = 100,
        int discount = 0,
        long total = 100,
        string currency = "USD") =>
        await db.ScalarAsync<long>(
            """
            INSERT INTO sales (order_number, kind, refund_of_sale_id, book_id, book_title, quantity, unit_price_minor,
                               discount_basis_points, total_minor, currency, sold_at, recorded_at)
            VALUES (@order, @kind, @refundOf, @book, 'Dune', @quantity, @price, @discount, @total, @currency, @now, @now)
            RETURNING id
            """,
            ("order", orderNumber),
            ("kind", kind),
            ("refundOf", refundOf),
            ("book", book),
            ("quantity", quantity),
            ("price", price),
            ("discount", discount),
            ("total", total),
            ("currency", currency),
            ("now", Now));

    private static async Task AssertCheckViolationAsync(string constraint, Func<Task> write)
    {
        var exception = await Assert.ThrowsAnyAsync<DbException>(write);
        switch (exception)
        {
            case SqliteException sqlite:
                Assert.Equal(275, sqlite.SqliteExtendedErrorCode);
                Assert.Contains(constraint, sqlite.Message, StringComparison.Ordinal);
                break;
            case PostgresException postgres:
                Assert.Equal(PostgresErrorCodes.CheckViolation, postgres.SqlState);
                Assert.Equal(constraint, postgres.ConstraintName);
                break;
            case MySqlException mysql:
                Assert.Contains(mysql.Number, MySqlConstraintErrors.For(PostgresErrorCodes.CheckViolation));
                Assert.Contains(constraint, mysql.Message, StringComparison.Ordinal);
                break;
            default:
                Assert.Fail($"Unexpected {exception.GetType().Name}: {exception.Message}");
                break;
        }
    }

    /// <summary>A context with a transaction that is rolled back on dispose.</summary>
    private sealed class Scope(ShelfDbContext db, IDbContextTransaction transaction) : IAsyncDisposable
    {
        public ShelfDbContext Db { get; } = db;

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await Db.DisposeAsync();
        }
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : SaleSchemaRulesTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : SaleSchemaRulesTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : SaleSchemaRulesTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
