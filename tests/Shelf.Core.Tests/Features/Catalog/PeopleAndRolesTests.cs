using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Catalog.Formats;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// People as catalogs write them: roles in columns of their own, names joined with the source's
/// separator, values too long to be a name, and one row per (person, work).
/// </summary>
public abstract class PeopleAndRolesTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_MappedRoles_AreCreditedWithThem()
    {
        await using var db = await fixture.OpenNewAsync();

        await CatalogImports.ImportMappedAsync(
            db,
            "Title,Writer,Translated By,Drawn By\nDer Zauberberg,Thomas Mann,John E. Woods,Ann Artist; Bo Painter\n",
            new ColumnMapping("Title", "title"), new ColumnMapping("Writer", "author"), new ColumnMapping("Translated By", "translator"), new ColumnMapping("Drawn By", "illustrator"));

        Assert.Equal(
            [("Thomas Mann", AuthorRole.Author), ("John E. Woods", AuthorRole.Translator), ("Ann Artist", AuthorRole.Illustrator), ("Bo Painter", AuthorRole.Illustrator)],
            await CreditsAsync(db));
    }

    [Theory]
    [InlineData("J.K. Rowling/Mary GrandPré", "authors")]
    [InlineData("J.K. Rowling & Mary GrandPré", "authors")]
    [InlineData("J.K. Rowling; Mary GrandPré", "authors")]
    [InlineData("J.K. Rowling | Mary GrandPré", "authors:|")]
    public async Task ExecuteAsync_JoinedNames_SplitOnTheSourcesSeparator(string joined, string field)
    {
        await using var db = await fixture.OpenNewAsync();

        await CatalogImports.ImportMappedAsync(db, $"Title,People\nHarry Potter,{joined}\n", new ColumnMapping("Title", "title"), new ColumnMapping("People", field));

        Assert.Equal([("J.K. Rowling", AuthorRole.Author), ("Mary GrandPré", AuthorRole.Author)], await CreditsAsync(db));
    }

    [Fact]
    public async Task ExecuteAsync_ValueTooLongForAName_IsKeptInTheExtrasWithAWarning()
    {
        await using var db = await fixture.OpenNewAsync();
        var long_ = string.Join(" ", Enumerable.Repeat("Somebody Withaverylongname", 20));

        var summary = await CatalogImports.ImportMappedAsync(db, $"Title,Writer\nAnthology,{long_}\n", new ColumnMapping("Title", "title"), new ColumnMapping("Writer", "author"));

        Assert.Equal((1L, 0L), (summary.Added, summary.Rejected));
        Assert.Contains("kept in the extras", Assert.Single(summary.WarningRows).Message, StringComparison.Ordinal);
        Assert.Equal(long_, BookExtras.Parse((await db.Books.SingleAsync()).Extras).Get("csv", "Writer (not a name)"));
    }

    [Fact]
    public async Task ExecuteAsync_LibraryThingSecondaryAuthorRoles_GivesTheRole()
    {
        await using var db = await fixture.OpenNewAsync();

        await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("librarything_current.tsv"));

        var credits = await db.BookAuthors.Where(a => a.Book.Title == "The Name of the Rose").OrderBy(a => a.Position).Select(a => new { a.Author.Name, a.Role }).ToListAsync();
        Assert.Equal([("Umberto Eco", AuthorRole.Author), ("William Weaver", AuthorRole.Translator)], credits.Select(c => (c.Name, c.Role)));
    }

    [Fact]
    public async Task ExecuteAsync_RowsSharingASourceId_AreOneBookWithEveryonesCredits_AndUpdateAddsNeverReplaces()
    {
        await using var db = await fixture.OpenNewAsync();
        ColumnMapping[] mapping = [new("Work", "id:catalog"), new("Title", "title"), new("Person", "author"), new("Role", "translator")];
        var csv = "Work,Title,Person,Role\n7,Dune,Frank Herbert,\n7,Dune,Brian Herbert,\n7,Dune,,Ann Translator\n";

        var first = await CatalogImports.ImportMappedAsync(db, csv, mapping);
        var again = await CatalogImports.ImportMappedAsync(db, csv, mapping);
        var update = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("Work,Title,Person,Role\n7,Dune,Kevin J. Anderson,\n"))) { Mappings = mapping, Update = true });

        Assert.Equal((3L, 1L, 2L), (first.Read, first.Added, first.Updated));
        Assert.Equal(first.Read, first.Added + first.Updated + first.Unchanged + first.Rejected);
        Assert.True(again.Differing == 0, string.Join("; ", again.Differences.Select(d => $"{d.Line}: {string.Join(",", d.Fields)}")));
        Assert.Equal((0L, 0L, 3L), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal((0L, 1L), (update.Added, update.Updated));
        Assert.Equal(1, await db.Books.CountAsync());
        Assert.Equal(
            [("Frank Herbert", AuthorRole.Author), ("Brian Herbert", AuthorRole.Author), ("Ann Translator", AuthorRole.Translator), ("Kevin J. Anderson", AuthorRole.Author)],
            await CreditsAsync(db));
    }

    private static async Task<List<(string Name, AuthorRole Role)>> CreditsAsync(ShelfDbContext db) =>
        (await db.BookAuthors.OrderBy(a => a.Position).Select(a => new { a.Author.Name, a.Role }).ToListAsync()).Select(c => (c.Name, c.Role)).ToList();

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : PeopleAndRolesTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : PeopleAndRolesTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : PeopleAndRolesTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
