using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Loans;
using Shelf.Core.Tests.Features.Sales;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// Loans in imports on each database: LibraryThing's lending columns become loans (open, returned),
/// a loan already recorded is not recorded twice, and the loan limit holds (a warning, the book kept).
/// </summary>
public abstract class ImportLoansTests(DatabaseFixture fixture)
{
    // LibraryThing's current tab-separated header, column for column (Fixtures/librarything_current.tsv).
    private static readonly string[] Header = File.ReadLines(CatalogImports.Fixture("librarything_current.tsv")).First().Split('\t');

    [Fact]
    public async Task LibraryThingLendingColumns_BecomeOpenAndReturnedLoans_NotExtras()
    {
        await using var db = await fixture.OpenNewAsync();
        var file = LibraryThing(
            Row("1", "The Dispossessed", "Le Guin, Ursula K.", ("Lending Patron", "Anne Dupré"), ("Lending Status", "Lent"), ("Lending Start", "2024-01-05")),
            Row("2", "Kindred", "Butler, Octavia E.", ("Lending Patron", "Bob Martin"), ("Lending Status", "Returned"), ("Lending Start", "[2023-11-01]"), ("Lending End", "[2023-12-24]")),
            Row("3", "Beloved", "Morrison, Toni"),
            Row("4", "Solaris", "Lem, Stanisław", ("Lending Patron", "anne dupre"), ("Lending Status", "Returned")));

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(file)));

        Assert.Equal((4L, 2L), (summary.Added, summary.LoansAdded));
        var loans = await db.Loans.AsNoTracking().Include(l => l.Borrower).OrderBy(l => l.BookTitle).ToListAsync();
        Assert.Equal(
            [("Kindred", "Bob Martin", new DateTime(2023, 11, 1), (DateTime?)new DateTime(2023, 12, 24)), ("The Dispossessed", "Anne Dupré", new DateTime(2024, 1, 5), null)],
            loans.Select(l => (l.BookTitle, l.Borrower.Name, l.LentAt, l.ReturnedAt)));
        var extras = await db.Books.Where(b => b.Title == "The Dispossessed").Select(b => b.Extras).SingleAsync();
        Assert.DoesNotContain("Lending", extras ?? string.Empty, StringComparison.Ordinal);

        // A patron with no end and a status that does not say "out": no loan, the columns kept, a warning on its line.
        var warning = Assert.Single(summary.WarningRows);
        Assert.Equal(5L, warning.Line);
        Assert.Contains("no loan recorded", warning.Message, StringComparison.Ordinal);
        Assert.Contains("anne dupre", await db.Books.Where(b => b.Title == "Solaris").Select(b => b.Extras).SingleAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await db.Borrowers.CountAsync());
    }

    [Fact]
    public async Task ImportAgain_LoanAlreadyRecorded_NotRecordedTwice()
    {
        await using var db = await fixture.OpenNewAsync();
        var file = LibraryThing(Row("1", "The Dispossessed", "Le Guin, Ursula K.", ("Lending Patron", "Anne Dupré"), ("Lending Status", "Lent"), ("Lending Start", "2024-01-05")));

        await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(file)));
        var again = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(file)));

        Assert.Equal((0L, 0L, 0L), (again.Added, again.Warnings, again.LoansAdded));
        Assert.Equal(1, await db.Loans.CountAsync());
    }

    [Fact]
    public async Task OpenLoanPastTheLimit_AWarningNamingTheLine_BookKeptLoanNot()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(LibraryThing(Row("1", "The Dispossessed", "Le Guin, Ursula K.")))));
        var bookId = await db.Books.Select(b => b.Id).SingleAsync();
        var lent = await new LendBook(db, TimeProvider.System).ExecuteAsync(new LendBookRequest(bookId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Carol"), default);
        Assert.True(lent.IsSuccess, lent.Error?.Message);
        db.ChangeTracker.Clear();
        var file = LibraryThing(
            Row("1", "The Dispossessed", "Le Guin, Ursula K.", ("Lending Patron", "Dan"), ("Lending Status", "Lent"), ("Lending Start", "2024-01-05")),
            Row("2", "Kindred", "Butler, Octavia E.", ("Lending Patron", "Dan"), ("Lending Status", "Out"), ("Lending Start", "2024-01-06")));

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(file)));

        Assert.Equal((1L, 1L), (summary.Added, summary.LoansAdded));
        var warning = Assert.Single(summary.WarningRows);
        Assert.Equal(2L, warning.Line);
        Assert.Contains("the loan to Dan was not recorded", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Carol", warning.Message, StringComparison.Ordinal);
        var open = await db.Loans.AsNoTracking().Where(l => l.ReturnedAt == null).Include(l => l.Borrower).OrderBy(l => l.BookTitle).Select(l => new { l.BookTitle, l.Borrower.Name }).ToListAsync();
        Assert.Equal([("Kindred", "Dan"), ("The Dispossessed", "Carol")], open.Select(l => (l.BookTitle, l.Name)));
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Json)]
    public async Task ShelfExport_CarriesOpenAndReturnedLoans_AndImportingItIntoAnEmptyLibraryLendsThemAgain(ExportFormat format)
    {
        await using var first = await fixture.OpenNewAsync();
        var lent = await SaleTestData.AddBookAsync(first, "The Dispossessed", author: "Ursula K. Le Guin");
        await SaleTestData.AddBookAsync(first, "Kindred", author: "Octavia E. Butler");
        var id = lent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clock = TimeProvider.System;
        Assert.True((await new LendBook(first, clock).ExecuteAsync(new LendBookRequest(id, "Bob Martin"), default)).IsSuccess);
        Assert.True((await new ReturnBook(first, clock).ExecuteAsync(new ReturnBookRequest(id) { Borrower = "Bob Martin" }, default)).IsSuccess);
        Assert.True((await new LendBook(first, clock).ExecuteAsync(new LendBookRequest(id, "Anne Dupré") { Period = "3w", Note = "with the map", Contact = "anne@example.org" }, default)).IsSuccess);
        first.ChangeTracker.Clear();
        var exported = await ExportAsync(first, format);

        await using var second = await fixture.OpenNewAsync();
        var reimported = await CatalogImports.ImportAsync(second, new ImportRequest(new MemoryStream(exported)));
        var again = await ExportAsync(second, format);

        Assert.Equal((2L, 0L, 0L), (reimported.Added, reimported.Rejected, reimported.Warnings));
        Assert.Contains("anne@example.org", Encoding.UTF8.GetString(exported), StringComparison.Ordinal);
        Assert.Equal(LoansIn(exported, format), LoansIn(again, format));
        var written = LoansIn(exported, format);
        Assert.Equal((2, true, true), (written.Count, written[0].Contains("Anne Dupré", StringComparison.Ordinal), written[1].Length == 0));
        // The export writes times to the second, so two loans of one second come back in the order it wrote them.
        var loans = await second.Loans.AsNoTracking().Include(l => l.Borrower).OrderBy(l => l.LentAt).ThenBy(l => l.Id).ToListAsync();
        Assert.Equal(
            [("The Dispossessed", "Bob Martin", false, (string?)null, (string?)null), ("The Dispossessed", "Anne Dupré", true, "with the map", "anne@example.org")],
            loans.Select(l => (l.BookTitle, l.Borrower.Name, l.ReturnedAt is null, l.Note, l.Borrower.Contact)));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21), loans[1].DueOn);
    }

    [Fact]
    public async Task ShelfJson_LoansWithoutABorrower_AWarningTheValueKept_BookImportedWithoutThem()
    {
        await using var db = await fixture.OpenNewAsync();
        var json = """[{"title": "Kept", "credits": [{"name": "Ann Writer"}], "loans": [{"borrower": "", "lentAt": "2024-01-05T00:00:00Z"}]}]""";

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(1, summary.Added);
        Assert.Contains("is not Shelf's list of loans", Assert.Single(summary.WarningRows).Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Loans.CountAsync());
        Assert.Contains("2024-01-05", await db.Books.Select(b => b.Extras).SingleAsync(), StringComparison.Ordinal);
    }

    /// <summary>Each book's loans as the export wrote them, in book order.</summary>
    private static List<string> LoansIn(byte[] export, ExportFormat format)
    {
        if (format == ExportFormat.Json)
        {
            using var json = System.Text.Json.JsonDocument.Parse(export);
            return [.. json.RootElement.EnumerateArray().Select(b => b.GetProperty("loans").GetArrayLength() == 0 ? string.Empty : b.GetProperty("loans").GetRawText())];
        }

        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, export);
            return [.. CatalogImports.ReadRows(path).Select(r => r["loans"])];
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<byte[]> ExportAsync(Shelf.Core.Data.ShelfDbContext db, ExportFormat format)
    {
        using var output = new MemoryStream();
        var result = await new ExportCatalog(db).ExecuteAsync(format, output, null, default);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return output.ToArray();
    }

    private static byte[] LibraryThing(params string[] rows) =>
        Encoding.UTF8.GetBytes(string.Join('\t', Header) + "\n" + string.Concat(rows.Select(r => r + "\n")));

    private static string Row(string id, string title, string author, params (string Column, string Value)[] cells)
    {
        var values = new string[Header.Length];
        Array.Fill(values, string.Empty);
        foreach (var (column, value) in cells.Append(("Book ID", id)).Append(("Title", title)).Append(("Primary Author", author)))
        {
            values[Array.IndexOf(Header, column)] = value;
        }

        return string.Join('\t', values);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ImportLoansTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ImportLoansTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : ImportLoansTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
