using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// Calibre, StoryGraph, Libib and LibraryThing's tab-separated and pre-2016 exports, from the
/// small fixtures in Fixtures/ (written from each format's documented header; see its README).
/// </summary>
public abstract class OtherFormatsTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Calibre_AuthorsIdentifiersSeriesAndCustomColumns()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("calibre_catalog.csv"));

        Assert.Equal(("calibre", 3L, 3L, 0L), (summary.Format, summary.Read, summary.Added, summary.Rejected));
        var book = await LoadAsync(db, "One Hundred Years of Solitude");
        Assert.Equal(["Gabriel García Márquez", "Edith Grossman"], book.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name));
        Assert.Equal("García Márquez, Gabriel", book.Authors.Single(a => a.Position == 0).Author.SortName);
        Assert.Equal(("9780060883287", "Macondo", "1.0", 1967, "spa", "Harper Perennial"), (book.Isbn13, book.Series, book.SeriesNumber, book.YearPublished, book.Language, book.Publisher));
        Assert.Equal(5, book.Rating);
        Assert.Contains("\n", book.Description!, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2021, 3, 4, 10, 20, 30, DateTimeKind.Utc), book.AddedAt);
        Assert.Equal(["amazon:0060883286", "calibre:5b1e9c22-8d6e-4c1c-9b7a-2d7f1c0a1e01", "goodreads:320"], book.Identifiers.Select(i => $"{i.Scheme}:{i.Value}").Order());
        Assert.Equal(["classics", "magical realism"], book.Tags.Select(t => t.Tag.Name).Order());
        var extras = BookExtras.Parse(book.Extras);
        Assert.Equal("Yes", extras.Get("calibre", "#read"));
        Assert.Equal("4.5", extras.Get("calibre", "rating"));
        Assert.Equal("1967-05-30T00:00:00+00:00", extras.Get("calibre", "pubdate"));
        Assert.Equal("Calibre Library", extras.Get("calibre", "library_name"));
        Assert.Null((await LoadAsync(db, "Untitled Notes")).YearPublished);
    }

    [Fact]
    public async Task StoryGraph_ContributorsQuarterStarsStatusesAndNonIsbnIds()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("storygraph_export.csv"));

        Assert.Equal(("storygraph", 3L, 3L, 0L), (summary.Format, summary.Read, summary.Added, summary.Rejected));
        var book = await LoadAsync(db, "The Three-Body Problem");
        Assert.Equal([("Cixin Liu", AuthorRole.Author), ("Ken Liu", AuthorRole.Translator)], book.Authors.OrderBy(a => a.Position).Select(a => (a.Author.Name, a.Role)));
        Assert.Equal((4, "read", 2, new DateOnly(2024, 2, 10), 1), (book.Rating, book.Status, book.ReadCount, book.DateRead, book.OwnedCopies));
        Assert.Equal("A big idea, well told.", book.Review);
        var extras = BookExtras.Parse(book.Extras);
        Assert.Equal("4.25", extras.Get("storygraph", "Star Rating"));
        Assert.Equal("2023/05/01-2023/05/20, 2024/02/01-2024/02/10", extras.Get("storygraph", "Dates Read"));
        Assert.Equal("mysterious, challenging", extras.Get("storygraph", "Moods"));
        Assert.Equal("abandoned", (await LoadAsync(db, "Dune")).Status);
        var kindle = await LoadAsync(db, "A Kindle Book");
        Assert.Equal(("want-to-read", null), (kindle.Status, kindle.Isbn13));
        Assert.Equal("storygraph:B08ZYQT962", kindle.Identifiers.Select(i => $"{i.Scheme}:{i.Value}").Single());
        Assert.Equal([("Jane Roe", AuthorRole.Author), ("John Doe", AuthorRole.Author), ("Pat Example", AuthorRole.Illustrator)], kindle.Authors.OrderBy(a => a.Position).Select(a => (a.Author.Name, a.Role)));
    }

    [Fact]
    public async Task Libib_BooksOnlyWithStatusDatesAndCopies()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("libib_library.csv"));

        Assert.Equal(("libib", 3L, 2L, 1L), (summary.Format, summary.Read, summary.Added, summary.Rejected));
        Assert.Equal(3, summary.RejectedRows.Single().Line);
        Assert.Contains("movie", summary.RejectedRows.Single().Message, StringComparison.Ordinal);
        var book = await LoadAsync(db, "The Name of the Rose");
        Assert.Equal(["Umberto Eco", "William Weaver"], book.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name));
        Assert.Equal(("9780156001311", 536, 4, "read", 2, 1994), (book.Isbn13, book.Pages, book.Rating, book.Status, book.OwnedCopies, book.YearPublished));
        Assert.Equal((new DateOnly(2024, 4, 1), new DateOnly(2024, 5, 5)), (book.DateStarted, book.DateRead));
        Assert.Equal("Signed copy", book.PrivateNotes);
        var extras = BookExtras.Parse(book.Extras);
        Assert.Equal(("15.95", "Living room", "1994-09-28"), (extras.Get("libib", "price"), extras.Get("libib", "group"), extras.Get("libib", "publish_date")));
        Assert.Equal("reading", (await LoadAsync(db, "Foucault's Pendulum")).Status);
    }

    [Fact]
    public async Task LibraryThingTabSeparatedUtf16_ReadsLikeTheCsvExport()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("librarything_export.tsv"));

        Assert.Equal(("librarything", "tab", 2L, 2L, 0L), (summary.Format, summary.Separator, summary.Read, summary.Added, summary.Rejected));
        Assert.StartsWith("utf-16", summary.Encoding, StringComparison.Ordinal);
        var book = await LoadAsync(db, "Der Zauberberg");
        Assert.Equal([("Thomas Mann", AuthorRole.Author), ("John E. Woods", AuthorRole.Translator)], book.Authors.OrderBy(a => a.Position).Select(a => (a.Author.Name, a.Role)));
        Assert.Equal(("9780679772873", 854, 5, "reading", "Vintage", 1924), (book.Isbn13, book.Pages, book.Rating, book.Status, book.Publisher, book.YearPublished));
        Assert.Equal((new DateOnly(2023, 1, 5), new DateOnly(2023, 3, 1)), (book.DateStarted, book.DateRead));
        Assert.Equal("Read twice; the snow chapter!", book.PrivateNotes);
        Assert.Equal(["classics", "german"], book.Tags.Select(t => t.Tag.Name).Order());
        Assert.Equal("4.5", BookExtras.Parse(book.Extras).Get("librarything", "Rating"));

        var manga = await LoadAsync(db, "Ōkami to kōshinryō");
        Assert.Equal([AuthorRole.Author, AuthorRole.Illustrator, AuthorRole.Contributor], manga.Authors.OrderBy(a => a.Position).Select(a => a.Role));
        Assert.Equal("Illustrator|Cover designer", BookExtras.Parse(manga.Extras).Get("librarything", "Secondary Author Role"));
        Assert.Equal("want-to-read", manga.Status);
    }

    [Fact]
    public async Task LibraryThing2014_QuotedUpperCaseHeaderAndUsDates()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("librarything_2014.csv"));

        Assert.Equal(("librarything-2014", 2L, 2L, 0L), (summary.Format, summary.Read, summary.Added, summary.Rejected));
        var book = await LoadAsync(db, "The Selfish Gene");
        Assert.Equal(("Richard Dawkins", "9780199291144", 4, 1, 2006), (book.Authors.Single().Author.Name, book.Isbn13, book.Rating, book.OwnedCopies, book.YearPublished));
        Assert.Equal(new DateTime(2010, 11, 27, 19, 14, 0, DateTimeKind.Utc), book.AddedAt);
        Assert.Equal("QH437 .D38", BookExtras.Parse(book.Extras).Get("librarything", "LCC"));
        Assert.Equal(["math", "philosophy"], (await LoadAsync(db, "Gödel, Escher, Bach")).Tags.Select(t => t.Tag.Name).Order());
    }

    [RealExportFact("librarything__robdmc__LibraryThing_export.csv")]
    public async Task LibraryThingCsvThen2014ExportOfTheSameBook_MatchesByIsbn()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportFileAsync(db, CatalogImports.SharedFile("librarything__robdmc__LibraryThing_export.csv"));

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("librarything_2014.csv"));

        // Both list The Selfish Gene (ISBN 0199291144); the other book is new.
        Assert.Equal((1L, 1L), (summary.Added, summary.Unchanged));
    }

    private static Task<Book> LoadAsync(ShelfDbContext db, string title) =>
        db.Books.AsNoTracking()
            .Include(b => b.Authors).ThenInclude(a => a.Author)
            .Include(b => b.Tags).ThenInclude(t => t.Tag)
            .Include(b => b.Identifiers)
            .AsSplitQuery()
            .SingleAsync(b => b.Title == title);

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : OtherFormatsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : OtherFormatsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : OtherFormatsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
