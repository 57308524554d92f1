using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Catalog.Formats;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// What other importers' test suites expect of a catalog import: statuses on the built-in four
/// whatever the spelling, short rows read as spreadsheets read them, placeholder ISBNs never an
/// identity, and messages that say what is really wrong.
/// </summary>
public abstract class OtherImportersExpectationsTests(DatabaseFixture fixture)
{
    [Theory]
    [InlineData("to-read", ReadingStatus.WantToRead)]
    [InlineData("Want to Read", ReadingStatus.WantToRead)]
    [InlineData("planned", ReadingStatus.WantToRead)]
    [InlineData("Currently Reading", ReadingStatus.Reading)]
    [InlineData("Already Read", ReadingStatus.Read)]
    [InlineData("finished", ReadingStatus.Read)]
    [InlineData("DNF", ReadingStatus.Abandoned)]
    [InlineData("owned-unread", "owned-unread")]
    public async Task ExecuteAsync_MappedStatus_LandsOnTheBuiltInStatuses(string written, string expected)
    {
        await using var db = await fixture.OpenNewAsync();

        await CatalogImports.ImportMappedAsync(db, $"Title,State\nDune,{written}\n", new ColumnMapping("Title", "title"), new ColumnMapping("State", "status"));

        Assert.Equal(expected, (await db.Books.SingleAsync()).Status);
    }

    [Fact]
    public async Task ExecuteAsync_GoodreadsExclusiveShelfWrittenByHand_IsNormalisedToo()
    {
        await using var db = await fixture.OpenNewAsync();

        await CatalogImports.ImportTextAsync(db, "Book Id,Title,Author,My Rating,Exclusive Shelf,ISBN13\n1,Dune,Frank Herbert,0,Currently Reading,\n2,Emma,Jane Austen,0,Want to Read,\n");

        Assert.Equal([ReadingStatus.Reading, ReadingStatus.WantToRead], await db.Books.OrderBy(b => b.Title).Select(b => b.Status).ToListAsync());
    }

    [Fact]
    public async Task ExecuteAsync_RowLackingOnlyTrailingEmptyFields_IsReadWithAWarning()
    {
        await using var db = await fixture.OpenNewAsync();
        var header = "Title,Author,ISBN,Publisher,Year,Pages,Language,Format,Notes\n";

        var summary = await CatalogImports.ImportMappedAsync(
            db,
            header + "Dune,Frank Herbert,,Chilton,1965,412,en,Hardcover\nEmma,Jane Austen,,Murray,1815,474,en,Paperback,\nHamlet,William Shakespeare,,Penguin,1603,200,en,Paperback\n",
            new ColumnMapping("Title", "title"),
            new ColumnMapping("Author", "author"),
            new ColumnMapping("Year", "year"),
            new ColumnMapping("Pages", "pages"),
            new ColumnMapping("Notes", "notes"));

        // The last row is short too; the file ends with a line break after it, so it is a finished row.
        Assert.Equal((3L, 3L, 0L), (summary.Read, summary.Added, summary.Rejected));
        Assert.Equal([2L, 4L], summary.WarningRows.Select(w => w.Line));
        Assert.All(summary.WarningRows, w => Assert.Contains("8 fields but the header has 9", w.Message, StringComparison.Ordinal));
        Assert.Equal((1965, 412), await db.Books.Where(b => b.Title == "Dune").Select(b => new ValueTuple<int, int>(b.YearPublished ?? 0, b.Pages ?? 0)).SingleAsync());
    }

    [Fact]
    public async Task ExecuteAsync_RowShortOfMostColumns_IsStillRejected()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportMappedAsync(
            db,
            "Title,Author,ISBN,Publisher,Year,Pages,Language,Format\nDune,Frank Herbert,,Chil\nton,1965,412,en,Hardcover\nEmma,Jane Austen,,Murray,1815,474,en,Paperback\n",
            new ColumnMapping("Title", "title"),
            new ColumnMapping("Author", "author"));

        Assert.Equal([2L, 3L], summary.RejectedRows.Select(r => r.Line));
        Assert.Equal(["Emma"], await db.Books.Select(b => b.Title).ToListAsync());
    }

    [Fact]
    public async Task ExecuteAsync_PlaceholderIsbns_AreNoIdentity_TwoBooksKeptApartAndNotOverwritten()
    {
        await using var db = await fixture.OpenNewAsync();
        var csv = "Title,Author,ISBN\nDune,Frank Herbert,0000000000\nEmma,Jane Austen,9780000000002\n";
        ColumnMapping[] mapping = [new("Title", "title"), new("Author", "author"), new("ISBN", "isbn")];

        var first = await CatalogImports.ImportMappedAsync(db, csv, mapping);
        var again = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes("Title,Author,ISBN\nOther Book,Ann Writer,9780000000002\n"))) { Mappings = mapping, Update = true });

        Assert.Equal((2L, 2L), (first.Added, first.Warnings));
        Assert.All(first.WarningRows, w => Assert.Contains("placeholder", w.Message, StringComparison.Ordinal));
        Assert.Equal((1L, 0L), (again.Added, again.Updated));
        var books = await db.Books.OrderBy(b => b.Id).ToListAsync();
        Assert.Equal(["Dune", "Emma", "Other Book"], books.Select(b => b.Title));
        Assert.All(books, b => Assert.Null(b.Isbn13));
        Assert.Equal("0000000000", BookExtras.Parse(books[0].Extras).Get("csv", "ISBN"));
    }

    [Fact]
    public async Task ExecuteAsync_JsonObjectInsteadOfTheArray_SaysSoAndImportsNothing()
    {
        await using var db = await fixture.OpenNewAsync();

        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream("""{"books": [{"title": "Dune"}]}"""u8.ToArray())));

        Assert.Equal(CatalogErrorCodes.JsonObject, error.Code);
        Assert.Contains("JSON object", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("columns", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Books.CountAsync());
    }

    [Fact]
    public async Task BookWyrm_IdsReadingsHalfStarsReviewAndShelves()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("bookwyrm_export.csv"));
        var again = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("bookwyrm_export.csv"));

        Assert.Equal(("bookwyrm", 5L, 5L, 0L, 0L), (summary.Format, summary.Read, summary.Added, summary.Rejected, summary.Warnings));
        Assert.Equal((0L, 5L), (again.Added, again.Unchanged));
        var books = await db.Books.Include(b => b.Authors).ThenInclude(a => a.Author).Include(b => b.Identifiers).Include(b => b.Tags).ThenInclude(t => t.Tag).ToDictionaryAsync(b => b.Title);
        var darkness = books["The Left Hand of Darkness"];
        Assert.Equal(("9780441478125", 5, ReadingStatus.Read, new DateOnly(2023, 1, 5), new DateOnly(2023, 1, 20)), (darkness.Isbn13, darkness.Rating, darkness.Status, darkness.DateStarted!.Value, darkness.DateRead!.Value));
        Assert.Equal("Gender, politics and a long walk over the ice.", darkness.Review);
        Assert.Equal(["bookwyrm:https://bookwyrm.social/book/1234", "goodreads:18423", "openlibrary:OL7571093M", "wikidata:Q645245"], darkness.Identifiers.Select(i => $"{i.Scheme}:{i.Value}").Order());
        var extras = BookExtras.Parse(darkness.Extras);
        Assert.Equal(("4.5", "A cold planet"), (extras.Get("bookwyrm", "rating"), extras.Get("bookwyrm", "review_name")));
        Assert.Equal(["Terry Pratchett", "Neil Gaiman"], books["Good Omens"].Authors.OrderBy(a => a.Position).Select(a => a.Author.Name));
        Assert.Equal([ReadingStatus.Reading, ReadingStatus.WantToRead, ReadingStatus.Abandoned], new[] { "Good Omens", "The Fifth Season", "Infinite Jest" }.Select(t => books[t].Status));
        Assert.Equal("2022-07-15", BookExtras.Parse(books["Infinite Jest"].Extras).Get("bookwyrm", "stopped_date"));
        Assert.Null(books["Piranesi"].Status);
        Assert.Equal(["Favourites"], books["Piranesi"].Tags.Select(t => t.Tag.Name));
    }

    [Fact]
    public async Task Openreads_StatusesReadingsHalfStarsTagsAndOpenLibraryIds()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("openreads_export.csv"));

        Assert.Equal(("openreads", 5L, 5L, 0L, 0L), (summary.Format, summary.Read, summary.Added, summary.Rejected, summary.Warnings));
        var books = await db.Books.Include(b => b.Authors).ThenInclude(a => a.Author).Include(b => b.Identifiers).Include(b => b.Tags).ThenInclude(t => t.Tag).ToDictionaryAsync(b => b.Title);
        var dune = books["Dune"];
        Assert.Equal((ReadingStatus.Read, 5, 412, "Chilton Books", 1965, "paperback"), (dune.Status, dune.Rating, dune.Pages, dune.Publisher, dune.YearPublished, dune.Format));
        Assert.Equal((new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 15), 2), (dune.DateStarted!.Value, dune.DateRead!.Value, dune.ReadCount));
        Assert.Equal(("Loved it.", "Lent to Sam"), (dune.Review, dune.PrivateNotes));
        Assert.Equal(["classics", "sci-fi"], dune.Tags.Select(t => t.Tag.Name).Order());
        Assert.Equal("openlibrary:OL893415M", dune.Identifiers.Select(i => $"{i.Scheme}:{i.Value}").Single());
        Assert.Equal(new DateTime(2019, 2, 20, 0, 0, 0, DateTimeKind.Utc), dune.AddedAt);
        var extras = BookExtras.Parse(dune.Extras);
        Assert.Equal(("4.5", "true"), (extras.Get("openreads", "rating"), extras.Get("openreads", "favourite")));
        Assert.Equal((ReadingStatus.Reading, "or There and Back Again", new DateOnly(2024, 6, 1)), (books["The Hobbit"].Status, books["The Hobbit"].Subtitle, books["The Hobbit"].DateStarted!.Value));
        Assert.Null(books["The Hobbit"].DateRead);
        Assert.Equal([ReadingStatus.WantToRead, ReadingStatus.Abandoned, null], new[] { "Middlemarch", "Ulysses", "Unsorted Notes" }.Select(t => books[t].Status));
        Assert.Equal(2, books["Ulysses"].Rating);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : OtherImportersExpectationsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : OtherImportersExpectationsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : OtherImportersExpectationsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
