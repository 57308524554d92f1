using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Loans;
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

        Assert.Equal(4, summary.Added);
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

        Assert.Equal((0L, 0L), (again.Added, again.Warnings));
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

        Assert.Equal(1, summary.Added);
        var warning = Assert.Single(summary.WarningRows);
        Assert.Equal(2L, warning.Line);
        Assert.Contains("the loan to Dan was not recorded", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Carol", warning.Message, StringComparison.Ordinal);
        var open = await db.Loans.AsNoTracking().Where(l => l.ReturnedAt == null).Include(l => l.Borrower).OrderBy(l => l.BookTitle).Select(l => new { l.BookTitle, l.Borrower.Name }).ToListAsync();
        Assert.Equal([("Kindred", "Dan"), ("The Dispossessed", "Carol")], open.Select(l => (l.BookTitle, l.Name)));
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
}
