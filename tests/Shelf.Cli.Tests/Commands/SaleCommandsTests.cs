using System.Globalization;
using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary><c>shelf sale ...</c> through the real command tree, on both databases.</summary>
public abstract class SaleCommandsTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Add_TheOriginalExamples_Total1998And5400()
    {
        var shelf = await NewShelfWithBooksAsync();

        var plain = await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "2", "--price", "9.99");
        var json = await shelf.RunAsync("sale", "add", "--book", "2", "--quantity", "3", "--price", "20.00", "--discount", "0.10", "--json");

        Assert.Equal(0, plain.ExitCode);
        Assert.Matches(@"^Recorded sale S\S+: 2 × The Hobbit at 9\.99 USD = 19\.98 USD\n$", plain.Out);
        Assert.Equal(0, json.ExitCode);
        var sale = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(54.00m, sale.GetProperty("total").GetDecimal());
        Assert.Equal("54.00", sale.GetProperty("total").GetRawText());
        Assert.Equal("sale", sale.GetProperty("kind").GetString());
        Assert.Equal("USD", sale.GetProperty("currency").GetString());
    }

    [Theory]
    [InlineData(3, "no book with id or ISBN '99'", "--book", "99", "--quantity", "1", "--price", "1")]
    [InlineData(2, "the quantity must be 1 or more", "--book", "1", "--quantity", "0", "--price", "1")]
    [InlineData(2, "the quantity must be 1 or more", "--book", "1", "--quantity", "-3", "--price", "1")]
    [InlineData(2, "is negative; write 0 or more", "--book", "1", "--quantity", "1", "--price", "-1")]
    [InlineData(2, "has a comma; write amounts with a dot for decimals and no thousands separator, as in 9.99", "--book", "1", "--quantity", "1", "--price", "9,99")]
    [InlineData(2, "is not an amount", "--book", "1", "--quantity", "1", "--price", "nine")]
    [InlineData(2, "is 1 or more", "--book", "1", "--quantity", "1", "--price", "1", "--discount", "1.5")]
    [InlineData(2, "100% or more", "--book", "1", "--quantity", "1", "--price", "1", "--discount", "100%")]
    [InlineData(2, "is negative", "--book", "1", "--quantity", "1", "--price", "1", "--discount", "-0.1")]
    [InlineData(4, "order number A-1 is already in the ledger", "--book", "1", "--quantity", "1", "--price", "1", "--order-number", "A-1")]
    [InlineData(2, "has no list price", "--book", "2", "--quantity", "1")]
    [InlineData(2, "is not a date", "--book", "1", "--quantity", "1", "--price", "1", "--date", "31/01/2026")]
    [InlineData(2, "is not a currency code", "--book", "1", "--quantity", "1", "--price", "1", "--currency", "EURO")]
    [InlineData(2, "Option '--quantity' is required", "--book", "1")]
    public async Task Add_BadInput_OneLineOnStderrDocumentedExitCodeLedgerUnchanged(int exitCode, string expected, params string[] args)
    {
        var shelf = await NewShelfWithBooksAsync();
        await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "1", "--price", "5", "--order-number", "A-1");
        var before = await LedgerAsync(shelf);

        var result = await shelf.RunAsync(["sale", "add", .. args]);

        Assert.Equal(exitCode, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(before, await LedgerAsync(shelf));
    }

    [Fact]
    public async Task Add_NoPrice_TakesTheListPriceSetByShelfAddAndEdit()
    {
        var shelf = await NewShelfWithBooksAsync();
        shelf.With("SHELF_CURRENCY", "eur");
        var added = await shelf.RunAsync("add", "Priced", "--author", "Someone", "--price", "12.50", "--json");
        var edited = await shelf.RunAsync("edit", "2", "--price", "7", "--currency", "GBP", "--json");

        var first = await shelf.RunAsync("sale", "add", "--book", "3", "--quantity", "2", "--json");
        var second = await shelf.RunAsync("sale", "add", "--book", "2", "--quantity", "1", "--json");

        Assert.Equal((12.50m, "EUR"), (JsonDocument.Parse(added.Out).RootElement.GetProperty("listPrice").GetDecimal(), JsonDocument.Parse(added.Out).RootElement.GetProperty("listPriceCurrency").GetString()));
        Assert.Equal("GBP", JsonDocument.Parse(edited.Out).RootElement.GetProperty("listPriceCurrency").GetString());
        Assert.Equal((25.00m, "EUR"), Total(first.Out));
        Assert.Equal((7.00m, "GBP"), Total(second.Out));
    }

    [Fact]
    public async Task Add_PriceWithoutCurrency_UsesShelfCurrencyElseUsd()
    {
        var shelf = await NewShelfWithBooksAsync();

        var usd = await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "1", "--price", "1", "--json");
        shelf.With("SHELF_CURRENCY", "CHF");
        var chf = await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "1", "--price", "1", "--json");
        shelf.With("SHELF_CURRENCY", "Swiss francs");
        var bad = await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "1", "--price", "1");

        Assert.Equal("USD", Total(usd.Out).Currency);
        Assert.Equal("CHF", Total(chf.Out).Currency);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("SHELF_CURRENCY", Assert.Single(bad.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookAdd_PriceWithAComma_ExitsWith2AndAddsNothing()
    {
        var shelf = await NewShelfWithBooksAsync();

        var result = await shelf.RunAsync("add", "Comma", "--author", "Someone", "--price", "9,99");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("9.99", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse((await shelf.RunAsync("list", "--json")).Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task ListShowEditRefund_OneSale_EachCommandSeesTheLast()
    {
        var shelf = await NewShelfWithBooksAsync();
        await shelf.RunAsync("sale", "add", "--book", "2", "--quantity", "3", "--price", "20", "--order-number", "A-1", "--date", "2026-01-31");

        var edited = await shelf.RunAsync("sale", "edit", "A-1", "--discount", "10%");
        var refunded = await shelf.RunAsync("sale", "refund", "A-1", "--quantity", "1", "--date", "2026-02-02", "--json");
        var shown = JsonDocument.Parse((await shelf.RunAsync("sale", "show", "A-1", "--json")).Out).RootElement;
        var january = JsonDocument.Parse((await shelf.RunAsync("sale", "list", "--from", "2026-01-01", "--to", "2026-01-31", "--json")).Out).RootElement;
        var plain = await shelf.RunAsync("sale", "list");

        Assert.Equal(0, edited.ExitCode);
        Assert.Contains("= 54.00 USD", edited.Out, StringComparison.Ordinal);
        Assert.Equal(0, refunded.ExitCode);
        Assert.Equal(18.00m, JsonDocument.Parse(refunded.Out).RootElement.GetProperty("total").GetDecimal());
        Assert.Equal(54.00m, shown.GetProperty("sale").GetProperty("total").GetDecimal());
        Assert.Equal(2, shown.GetProperty("refundableQuantity").GetInt32());
        Assert.Equal("A-1", shown.GetProperty("refunds")[0].GetProperty("refundOf").GetString());
        Assert.Equal(["A-1"], january.EnumerateArray().Select(s => s.GetProperty("orderNumber").GetString()));
        Assert.StartsWith("order\tkind\tsold_at\t", plain.Out, StringComparison.Ordinal);
        Assert.Equal(3, plain.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("show", "NOPE")]
    [InlineData("refund", "NOPE")]
    [InlineData("delete", "NOPE", "--yes")]
    [InlineData("edit", "NOPE", "--quantity", "2")]
    public async Task UnknownOrder_ExitsWith3NamingIt(params string[] args)
    {
        var shelf = await NewShelfWithBooksAsync();

        var result = await shelf.RunAsync(["sale", .. args]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("NOPE", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refund_MoreThanLeft_ExitsWith4AndLedgerUnchanged()
    {
        var shelf = await NewShelfWithBooksAsync();
        await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "3", "--price", "1", "--order-number", "A-1");
        await shelf.RunAsync("sale", "refund", "A-1", "--quantity", "2");
        var before = await LedgerAsync(shelf);

        var tooMany = await shelf.RunAsync("sale", "refund", "A-1", "--quantity", "2");

        Assert.Equal(4, tooMany.ExitCode);
        Assert.Contains("at most 1 can be refunded", Assert.Single(tooMany.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await LedgerAsync(shelf));
    }

    [Fact]
    public async Task Delete_NotOnATerminalWithoutYes_ExitsWith2AndDeletesNothing()
    {
        var shelf = await NewShelfWithBooksAsync();
        await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "1", "--price", "1", "--order-number", "A-1");
        var before = await LedgerAsync(shelf);

        var refused = await shelf.RunAsync("sale", "delete", "A-1");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--yes", Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await LedgerAsync(shelf));
        Assert.Equal(0, (await shelf.RunAsync("sale", "delete", "A-1", "--yes")).ExitCode);
        Assert.Equal("[]", (await LedgerAsync(shelf)).Trim());
    }

    [Theory]
    [InlineData("n\n", 1)]
    [InlineData("\n", 1)]
    [InlineData("y\n", 0)]
    public async Task Delete_OnATerminal_AsksFirst(string answer, int left)
    {
        var target = await fixture.NewDatabaseAsync();
        var setup = new CliRunner(CliDatabase.DbArgument(target));
        await setup.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien");
        await setup.RunAsync("sale", "add", "--book", "1", "--quantity", "1", "--price", "1", "--order-number", "A-1");
        var terminal = new CliRunner(CliDatabase.DbArgument(target)) { Terminal = true, Input = answer };

        var result = await terminal.RunAsync("sale", "delete", "A-1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Delete A-1: 1 × The Hobbit", result.Error, StringComparison.Ordinal);
        Assert.Equal(left, JsonDocument.Parse(await LedgerAsync(setup)).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Delete_SaleWithRefunds_ExitsWith4UntilTheRefundsAreDeleted()
    {
        var shelf = await NewShelfWithBooksAsync();
        await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "3", "--price", "1", "--order-number", "A-1");
        var refund = JsonDocument.Parse((await shelf.RunAsync("sale", "refund", "A-1", "--quantity", "1", "--json")).Out).RootElement.GetProperty("orderNumber").GetString()!;

        var refused = await shelf.RunAsync("sale", "delete", "A-1", "--yes");
        var refundDeleted = await shelf.RunAsync("sale", "delete", refund, "--yes");
        var saleDeleted = await shelf.RunAsync("sale", "delete", "A-1", "--yes");

        Assert.Equal(4, refused.ExitCode);
        Assert.Contains(refund, Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, refundDeleted.ExitCode);
        Assert.Equal(0, saleDeleted.ExitCode);
    }

    [Fact]
    public async Task RemoveBook_WithSales_HistoryKeepsTheTitleAndIsbn()
    {
        var shelf = await NewShelfWithBooksAsync();
        await shelf.RunAsync("sale", "add", "--book", "9780261102217", "--quantity", "2", "--price", "9.99", "--order-number", "A-1");

        var removed = await shelf.RunAsync("remove", "1", "--yes");
        var shown = await shelf.RunAsync("sale", "show", "A-1");
        var json = JsonDocument.Parse((await shelf.RunAsync("sale", "show", "A-1", "--json")).Out).RootElement.GetProperty("sale");

        Assert.Equal(0, removed.ExitCode);
        Assert.Contains("The Hobbit (removed from the catalog)", shown.Out, StringComparison.Ordinal);
        Assert.Contains("9780261102217", shown.Out, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("bookId").ValueKind);
        Assert.Equal(("The Hobbit", "9780261102217", 19.98m), (json.GetProperty("title").GetString(), json.GetProperty("isbn13").GetString(), json.GetProperty("total").GetDecimal()));
    }

    [Theory]
    [InlineData("book")]
    [InlineData("author")]
    [InlineData("month")]
    [InlineData("year")]
    public async Task Report_AnyGrouping_TotalsEqualTheSumOfTheListedRows(string by)
    {
        var shelf = await NewShelfWithBooksAsync();
        await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "2", "--price", "9.99", "--date", "2026-01-05", "--order-number", "A-1");
        await shelf.RunAsync("sale", "add", "--book", "2", "--quantity", "3", "--price", "20", "--discount", "10%", "--date", "2026-02-05");
        await shelf.RunAsync("sale", "add", "--book", "2", "--quantity", "3", "--price", "0.10", "--discount", "33.33%", "--date", "2025-12-31T23:59:59Z");
        await shelf.RunAsync("sale", "refund", "A-1", "--quantity", "1", "--date", "2026-03-01");
        var rows = JsonDocument.Parse((await shelf.RunAsync("sale", "list", "--all", "--json")).Out).RootElement.EnumerateArray().ToList();

        var report = JsonDocument.Parse((await shelf.RunAsync("sale", "report", "--by", by, "--json")).Out).RootElement;

        var sales = rows.Where(r => r.GetProperty("kind").GetString() == "sale").ToList();
        var refunds = rows.Where(r => r.GetProperty("kind").GetString() == "refund").ToList();
        var total = report.GetProperty("totals").EnumerateArray().Single();
        Assert.Equal(sales.Sum(s => s.GetProperty("quantity").GetInt32()), total.GetProperty("unitsSold").GetInt32());
        Assert.Equal(sales.Sum(s => s.GetProperty("quantity").GetInt32() * s.GetProperty("unitPrice").GetDecimal()), total.GetProperty("gross").GetDecimal());
        Assert.Equal(refunds.Sum(s => s.GetProperty("total").GetDecimal()), total.GetProperty("refunds").GetDecimal());
        Assert.Equal(sales.Sum(s => s.GetProperty("total").GetDecimal()) - refunds.Sum(s => s.GetProperty("total").GetDecimal()), total.GetProperty("net").GetDecimal());
        Assert.Equal(80.28m - 6.10m - 9.99m, total.GetProperty("net").GetDecimal());
        var lines = report.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(total.GetProperty("net").GetDecimal(), lines.Sum(l => l.GetProperty("net").GetDecimal()));
        Assert.Equal(total.GetProperty("discounts").GetDecimal(), lines.Sum(l => l.GetProperty("discounts").GetDecimal()));
    }

    [Fact]
    public async Task Report_Plain_HeaderLinesAndTotal()
    {
        var shelf = await NewShelfWithBooksAsync();
        await shelf.RunAsync("sale", "add", "--book", "1", "--quantity", "2", "--price", "9.99", "--date", "2026-01-05");

        var result = await shelf.RunAsync("sale", "report", "--by", "year");

        Assert.Equal(
            ["year\tcurrency\tunits_sold\tunits_refunded\tgross\tdiscounts\trefunds\tnet", "2026\tUSD\t2\t0\t19.98\t0.00\t0.00\t19.98", "total\tUSD\t2\t0\t19.98\t0.00\t0.00\t19.98"],
            result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Import_BadRows_ReportedWithLinesAndWrittenToTheRejectsFileUnderTheHeader()
    {
        var shelf = await NewShelfWithBooksAsync();
        using var folder = new SqliteTestFile();
        var csv = Path.Combine(folder.DirectoryPath, "sales.csv");
        var rejects = Path.Combine(folder.DirectoryPath, "rejects.csv");
        await File.WriteAllTextAsync(
            csv,
            "order_number,isbn,quantity,unit_price,discount,sold_at\n"
            + "B-1,9780261102217,2,9.99,,2026-01-31\n"
            + "B-2,9780261102217,2,\"9,99\",,2026-01-31\n"
            + "B-3,9780000000000,1,1.00,,\n"
            + "B-4,9780261102217,3,20.00,10%,2026-02-01\n"
            + "B-5,9780261102217,-1,1.00,,\n");

        var result = await shelf.RunAsync("sale", "import", csv, "--rejects", rejects);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Read 5 rows: 2 sales added, 3 rejected", result.Out, StringComparison.Ordinal);
        Assert.StartsWith("line 3: the price '9,99' has a comma", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.StartsWith("line 4: ", result.ErrorLines[1], StringComparison.Ordinal);
        Assert.StartsWith("line 6: ", result.ErrorLines[2], StringComparison.Ordinal);
        Assert.Equal(
            "order_number,isbn,quantity,unit_price,discount,sold_at\nB-2,9780261102217,2,\"9,99\",,2026-01-31\nB-3,9780000000000,1,1.00,,\nB-5,9780261102217,-1,1.00,,\n",
            await File.ReadAllTextAsync(rejects));
        var totals = JsonDocument.Parse(await LedgerAsync(shelf)).RootElement.EnumerateArray().Select(s => s.GetProperty("total").GetDecimal());
        Assert.Equal([19.98m, 54.00m], totals);
    }

    [Fact]
    public async Task Import_MissingFileOrColumns_DocumentedExitCodes()
    {
        var shelf = await NewShelfWithBooksAsync();
        using var folder = new SqliteTestFile();
        var wrong = Path.Combine(folder.DirectoryPath, "wrong.csv");
        await File.WriteAllTextAsync(wrong, "title,pages\nx,1\n");

        var missing = await shelf.RunAsync("sale", "import", Path.Combine(folder.DirectoryPath, "none.csv"));
        var columns = await shelf.RunAsync("sale", "import", wrong);

        Assert.Equal(3, missing.ExitCode);
        Assert.Equal(2, columns.ExitCode);
        Assert.Contains("no column book", Assert.Single(columns.ErrorLines), StringComparison.Ordinal);
    }

    private async Task<CliRunner> NewShelfWithBooksAsync()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        Assert.Equal(0, (await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien", "--isbn", "9780261102217")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("add", "Dune", "--author", "Frank Herbert")).ExitCode);
        return shelf;
    }

    private static async Task<string> LedgerAsync(CliRunner shelf)
    {
        var listed = await shelf.RunAsync("sale", "list", "--all", "--json");
        Assert.Equal(0, listed.ExitCode);
        return listed.Out;
    }

    private static (decimal Total, string? Currency) Total(string json)
    {
        var sale = JsonDocument.Parse(json).RootElement;
        return (sale.GetProperty("total").GetDecimal(), sale.GetProperty("currency").GetString());
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : SaleCommandsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : SaleCommandsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : SaleCommandsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
