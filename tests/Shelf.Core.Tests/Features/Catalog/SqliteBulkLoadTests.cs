using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Features.Catalog;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// A large import into a small SQLite library drops the indexes whose keys arrive in random
/// order and builds them again before the commit; a failed one must leave them as they were.
/// </summary>
public sealed class SqliteBulkLoadTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    private const int Rows = 30_000;

    [Fact]
    public async Task LargeImport_IndexesRebuiltExactlyAsTheyWere_AndEveryRowThere()
    {
        await using var db = await fixture.OpenNewAsync();
        var before = await IndexesAsync(db);

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(BigFile(badRowAt: null))));

        Assert.Equal(Rows, summary.Added);
        Assert.Equal(before, await IndexesAsync(db));
        Assert.Equal("ok", await db.ScalarAsync<string>("PRAGMA integrity_check"));
        Assert.Equal(Rows, await db.Books.CountAsync(b => b.Isbn13 != null));
        Assert.Equal(Rows, await db.BookIdentifiers.CountAsync(i => i.Scheme == "goodbooks"));
        Assert.Equal(Rows / 2, await db.Books.CountAsync(b => b.Authors.Any(a => a.Author.NameKey == "ann writer")));

        // Lookups by the rebuilt indexes find the rows.
        var isbn = await db.Books.Where(b => b.Id == 12345).Select(b => b.Isbn13).SingleAsync();
        Assert.Equal(12345, await db.Books.Where(b => b.Isbn13 == isbn).Select(b => b.Id).SingleAsync());
    }

    [Fact]
    public async Task LargeImportStoppedByStrict_LeavesTheIndexesAndBooksAsTheyWere()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportTextAsync(db, "title,number_of_pages,first_name,last_name\nKept,1,Ann,Writer\n");
        var before = await IndexesAsync(db);

        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream(BigFile(badRowAt: Rows - 10))) { Strict = true });

        Assert.Equal("import.strict", error.Code);
        Assert.Equal(before, await IndexesAsync(db));
        Assert.Equal(1, await db.Books.CountAsync());
    }

    private static Task<List<string>> IndexesAsync(ShelfDbContext db) =>
        db.RowsAsync("SELECT name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name");

    private static byte[] BigFile(int? badRowAt)
    {
        var csv = new StringBuilder("book_id,goodreads_book_id,authors,original_publication_year,title,isbn,isbn13\n");
        for (var i = 1; i <= Rows; i++)
        {
            var body = "978" + ((i * 7919L) % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
            var check = (10 - (body.Select((c, k) => (c - '0') * (k % 2 == 0 ? 1 : 3)).Sum() % 10)) % 10;
            var year = i == badRowAt ? "soon" : "2001.0";
            csv.Append(CultureInfo.InvariantCulture, $"{i},{i + 1_000_000},\"{(i % 2 == 0 ? "Ann Writer" : "Bob Writer")}, Cy Editor\",{year},Book {i},,{body}{check}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
