using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Catalog.Formats;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// Two editions of one work share a title and an author but not an ISBN: an import never folds
/// one into the other, and an update never gives a book another edition's ISBN.
/// </summary>
public abstract class EditionMatchingTests(DatabaseFixture fixture)
{
    private const string Header = "Title,Author,ISBN,Publisher,Year\n";

    private static readonly ColumnMapping[] Mapping =
    [
        new("Title", "title"), new("Author", "author"), new("ISBN", "isbn"), new("Publisher", "publisher"), new("Year", "year"),
    ];

    [Fact]
    public async Task ExecuteAsync_TwoRowsSameTitleAndAuthorDifferentIsbns_AddsTwoBooksEachWithItsIsbn()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await ImportAsync(db, Header + "The Hobbit,J.R.R. Tolkien,9780261102217,HarperCollins,1991\nThe Hobbit,J.R.R. Tolkien,9780547928227,Houghton Mifflin,2012\n");

        Assert.Equal((2L, 2L, 0L), (summary.Read, summary.Added, summary.Unchanged));
        var books = await db.Books.OrderBy(b => b.Id).Select(b => new { b.Isbn13, b.Publisher, b.YearPublished }).ToListAsync();
        Assert.Equal(
            [("9780261102217", "HarperCollins", 1991), ("9780547928227", "Houghton Mifflin", 2012)],
            books.Select(b => (b.Isbn13, b.Publisher, b.YearPublished ?? 0)).ToList());
    }

    [Fact]
    public async Task ExecuteAsync_UpdateWithAnotherEditionOfAStoredBook_AddsItAndLeavesTheStoredEditionAlone()
    {
        await using var db = await fixture.OpenNewAsync();
        await ImportAsync(db, Header + "The Hobbit,J.R.R. Tolkien,9780261102217,HarperCollins,1991\n");

        var summary = await ImportAsync(db, Header + "The Hobbit,J.R.R. Tolkien,9780547928227,Houghton Mifflin,2012\n", update: true);

        Assert.Equal((1L, 1L, 0L, 0L), (summary.Read, summary.Added, summary.Updated, summary.Differing));
        var first = await db.Books.OrderBy(b => b.Id).FirstAsync();
        Assert.Equal(("9780261102217", "HarperCollins", 1991), (first.Isbn13, first.Publisher, first.YearPublished ?? 0));
        Assert.Equal(2, await db.Books.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_SameTitleAndAuthorWithoutAnIsbn_StillMatchesTheStoredBook()
    {
        await using var db = await fixture.OpenNewAsync();
        await ImportAsync(db, Header + "The Hobbit,J.R.R. Tolkien,9780261102217,HarperCollins,1991\n");

        var summary = await ImportAsync(db, Header + "The Hobbit,J.R.R. Tolkien,,HarperCollins,1991\n");

        Assert.Equal((1L, 0L, 1L), (summary.Read, summary.Added, summary.Unchanged));
    }

    [Fact]
    public async Task ExecuteAsync_UpdateOfABookFoundByIdWithAnotherIsbn_KeepsTheBooksIsbnAndTheRowsInExtras()
    {
        var header = "Id,Title,Author,ISBN,Publisher\n";
        ColumnMapping[] mapping = [new("Id", "id:mycat"), new("Title", "title"), new("Author", "author"), new("ISBN", "isbn"), new("Publisher", "publisher")];
        await using var db = await fixture.OpenNewAsync();
        await ImportAsync(db, header + "17,The Hobbit,J.R.R. Tolkien,9780261102217,HarperCollins\n", mapping: mapping);

        var summary = await ImportAsync(db, header + "17,The Hobbit,J.R.R. Tolkien,9780547928227,Houghton Mifflin\n", update: true, mapping: mapping);

        Assert.Equal((1L, 0L, 1L), (summary.Read, summary.Added, summary.Updated));
        Assert.Contains(summary.WarningRows, w => w.Line == 2 && w.Message.Contains("9780547928227", StringComparison.Ordinal) && w.Message.Contains("keeps its ISBN", StringComparison.Ordinal));
        var book = await db.Books.SingleAsync();
        Assert.Equal(("9780261102217", "Houghton Mifflin"), (book.Isbn13, book.Publisher));
        Assert.Contains("9780547928227", book.Extras, StringComparison.Ordinal);
    }

    private static Task<ImportSummary> ImportAsync(ShelfDbContext db, string csv, bool update = false, ColumnMapping[]? mapping = null) =>
        CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(csv))) { Mappings = mapping ?? Mapping, Update = update });

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : EditionMatchingTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : EditionMatchingTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : EditionMatchingTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
