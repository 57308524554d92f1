using Microsoft.EntityFrameworkCore;
using MySql.Data.MySqlClient;
using Shelf.Core.Domain;
using Shelf.Core.Features.Database;
using Shelf.Testing;

namespace Shelf.Core.Tests.Data;

/// <summary>
/// The first slice of MySQL/MariaDB on a private MariaDB the fixture starts: a library is created
/// and migrated, text in any script round-trips, keys compare exactly (binary collation, as on
/// SQLite and PostgreSQL), and the database's own CHECKs hold.
/// </summary>
public sealed class MySqlLibraryTests(MySqlDatabaseFixture fixture) : IClassFixture<MySqlDatabaseFixture>
{
    [Fact]
    public async Task Open_NewDatabase_MigratedToEveryTableOfTheModel()
    {
        await using var db = await fixture.OpenNewAsync();

        // book_search is the search index, SQL outside the model as on the other engines (SearchIndexSql).
        var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Append("book_search").Distinct().Order(StringComparer.Ordinal).ToList();
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS `Value` FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> '__EFMigrationsHistory'").ToListAsync();

        Assert.Equal(modelTables, tables.Order(StringComparer.Ordinal));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Book_PersianJapaneseAndEmoji_ReadBackExactly()
    {
        const string title = "کتابخانهٔ بابل — 図書館 📚🦉";
        await using (var db = await fixture.OpenAsync())
        {
            var book = new Book { AddedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Description = "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓" };
            book.SetTitle(title);
            db.Books.Add(book);
            await db.SaveChangesAsync();
        }

        await using var fresh = await fixture.OpenAsync();
        var stored = await fresh.Books.AsNoTracking().SingleAsync(b => b.Title == title);

        Assert.Equal("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓", stored.Description);
        Assert.Equal(title, stored.Title);
    }

    [Fact]
    public async Task AuthorKeys_DifferingOnlyInCaseOrAccent_AreTwoRows()
    {
        await using var db = await fixture.OpenNewAsync();
        db.Authors.AddRange(
            new Author { Name = "a", SortName = "a", NameKey = "a" },
            new Author { Name = "A", SortName = "A", NameKey = "A" },
            new Author { Name = "é", SortName = "é", NameKey = "é" });
        await db.SaveChangesAsync();

        var found = await db.Authors.CountAsync(a => a.NameKey == "a");

        Assert.Equal(3, await db.Authors.CountAsync());
        Assert.Equal(1, found);
    }

    [Theory]
    [InlineData("UPDATE books SET isbn13 = '97804411727AB'")]
    [InlineData("UPDATE books SET pages = 0")]
    [InlineData("UPDATE books SET rating = 6")]
    public async Task BadRow_RefusedByTheDatabase_AndNothingChanged(string update)
    {
        await using var db = await fixture.OpenNewAsync();
        var book = new Book { AddedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Isbn13 = "9780441172719", Pages = 412, Rating = 4 };
        book.SetTitle("Dune");
        db.Books.Add(book);
        await db.SaveChangesAsync();

        await Assert.ThrowsAsync<MySqlException>(() => db.Database.ExecuteSqlRawAsync(update));
        var after = await db.Books.AsNoTracking().SingleAsync();

        Assert.Equal(("9780441172719", 412, 4), (after.Isbn13, after.Pages, after.Rating));
    }

    [Fact]
    public async Task Loans_MoreOpenLoansThanCopies_RefusedByTheTrigger_AReturnedLoanFreesTheCopy()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = new Book { AddedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, OwnedCopies = 1 };
        book.SetTitle("Dune");
        db.Books.Add(book);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("INSERT INTO borrowers (name, name_key) VALUES ('Anne', 'anne'), ('Ben', 'ben')");
        const string lend = "INSERT INTO loans (book_id, book_title, borrower_id, lent_at) SELECT {0}, 'Dune', id, UTC_TIMESTAMP(6) FROM borrowers WHERE name_key = {1}";

        await db.Database.ExecuteSqlRawAsync(lend, book.Id, "anne");
        var refused = await Assert.ThrowsAsync<MySqlException>(() => db.Database.ExecuteSqlRawAsync(lend, book.Id, "ben"));
        await db.Database.ExecuteSqlRawAsync("UPDATE loans SET returned_at = UTC_TIMESTAMP(6)");
        await db.Database.ExecuteSqlRawAsync(lend, book.Id, "ben");
        var reopen = await Assert.ThrowsAsync<MySqlException>(() => db.Database.ExecuteSqlRawAsync("UPDATE loans SET returned_at = NULL WHERE borrower_id = (SELECT id FROM borrowers WHERE name_key = 'anne')"));

        Assert.True(Shelf.Core.Features.Loans.LoanLimitSql.IsLimitError(refused), refused.Message);
        Assert.True(Shelf.Core.Features.Loans.LoanLimitSql.IsLimitError(reopen), reopen.Message);
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS `Value` FROM loans WHERE returned_at IS NULL").SingleAsync());
    }

    [Fact]
    public async Task ImportCatalog_NonLatinText_StoredAsWrittenWithItsAuthor()
    {
        await using var db = await fixture.OpenNewAsync();
        var csv = "title,number_of_pages,first_name,last_name\nСто лет одиночества,417,Габриэль,Гарсиа Маркес\nDune,412,Frank,Herbert\n"u8.ToArray();

        var result = await new Shelf.Core.Features.Catalog.ImportCatalog(db).ExecuteAsync(new Shelf.Core.Features.Catalog.ImportRequest(new MemoryStream(csv)), null, default);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(2, result.Value.Added);
        var book = await db.Books.Include(b => b.Authors).ThenInclude(a => a.Author).SingleAsync(b => b.Title == "Сто лет одиночества");
        Assert.Equal("Габриэль Гарсиа Маркес", Assert.Single(book.Authors).Author.Name);
    }
}
