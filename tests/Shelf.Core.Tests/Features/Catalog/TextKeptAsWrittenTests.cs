using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Catalog.Formats;
using Shelf.Core.Features.Search;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// Text lands as the file wrote it: HTML entities decoded, shelves told apart by their exact
/// names, name suffixes where the source put them, the best-cased spelling of a person, and
/// StoryGraph's half stars and reading ranges.
/// </summary>
public abstract class TextKeptAsWrittenTests(DatabaseFixture fixture)
{
    private static readonly ColumnMapping[] Mapping =
        [new("Title", "title"), new("Author", "author"), new("Publisher", "publisher"), new("Shelves", "shelves")];

    [Fact]
    public async Task ExecuteAsync_HtmlEntities_DecodedInTitlesNamesPublishersAndShelves()
    {
        await using var db = await fixture.OpenNewAsync();

        await CatalogImports.ImportMappedAsync(
            db,
            "Title,Author,Publisher,Shelves\n"
            + "Tom &amp; Jerry &#8212; &quot;Complete&quot;,Flann O&#039;Brien,Simon &amp; Schuster,sci&amp;fi\n"
            + "AT&T and Q&A,Ann Writer,O&#x27;Reilly,r&amp;d\n",
            Mapping);

        var books = await db.Books.Include(b => b.Authors).ThenInclude(a => a.Author).Include(b => b.Tags).ThenInclude(t => t.Tag).OrderBy(b => b.Id).ToListAsync();
        Assert.Equal(["Tom & Jerry — \"Complete\"", "AT&T and Q&A"], books.Select(b => b.Title));
        Assert.Equal("Flann O'Brien", books[0].Authors.Single().Author.Name);
        Assert.Equal(["Simon & Schuster", "O'Reilly"], books.Select(b => b.Publisher));
        Assert.Equal(["sci&fi", "r&d"], books.Select(b => b.Tags.Single().Tag.Name));
    }

    [Fact]
    public async Task ExecuteAsync_JoinedNamesWithAnEntity_SplitAfterDecoding()
    {
        await using var db = await fixture.OpenNewAsync();

        // "&amp;" holds a ';', the separator a joined list is split on: decoded first, it is " & ".
        await CatalogImports.ImportMappedAsync(db, "Title,Authors\nGood Omens,Terry Pratchett &amp; Neil Gaiman\n", new ColumnMapping("Title", "title"), new ColumnMapping("Authors", "authors"));

        Assert.Equal(["Neil Gaiman", "Terry Pratchett"], await db.Authors.OrderBy(a => a.Name).Select(a => a.Name).ToListAsync());
    }

    [Fact]
    public async Task ExecuteAsync_ShelvesThatFoldAlike_AreTwoShelvesStoredAsWritten_AndReimportChangesNothing()
    {
        await using var db = await fixture.OpenNewAsync();
        var csv = "Title,Author,Publisher,Shelves\nDune,Frank Herbert,,\"2021, 2021_\"\nEmma,Jane Austen,,\"2021_, Sci-Fi, sci fi\"\n";

        await CatalogImports.ImportMappedAsync(db, csv, Mapping);
        var again = await CatalogImports.ImportMappedAsync(db, csv, Mapping);

        Assert.Equal(["2021", "2021_", "Sci-Fi", "sci fi"], await db.Tags.Select(t => t.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal((0L, 2L, 0L), (again.Added, again.Unchanged, again.Differing));
        var emma = await db.Books.Include(b => b.Tags).ThenInclude(t => t.Tag).SingleAsync(b => b.Title == "Emma");
        Assert.Equal(["2021_", "Sci-Fi", "sci fi"], emma.Tags.Select(t => t.Tag.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_ShelfOfALibraryFromBefore_KeptAndAnotherSpellingAddedBesideIt()
    {
        await using var db = await fixture.OpenNewAsync();

        // A shelf as every library stored one before shelves were told apart: its key is the folded name.
        db.Tags.Add(new Tag { Name = "to-read", NameKey = "to read" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        await CatalogImports.ImportMappedAsync(db, "Title,Author,Publisher,Shelves\nDune,Frank Herbert,,\"to-read, to read\"\n", Mapping);

        var shelves = await db.Tags.OrderBy(t => t.Id).Select(t => new { t.Name, t.NameKey }).ToListAsync();
        Assert.Equal(["to-read", "to read"], shelves.Select(s => s.Name));
        Assert.Equal("to read", shelves[0].NameKey);
        Assert.Equal(ShelfKey.Variant("to read"), shelves[1].NameKey);
    }

    private const string ShelvesFile = "Title,Author,Publisher,Shelves\nDune,Frank Herbert,,2021\nEmma,Jane Austen,,2021_\nHamlet,William Shakespeare,,other\n";

    [Fact]
    public async Task List_ByShelf_ExactNameFirst_ElseEveryShelfThatFoldsAlike()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportMappedAsync(db, ShelvesFile, Mapping);

        async Task<List<string>> ListAsync(string shelf) =>
            [.. (await new ListBooks(db).ExecuteAsync(new ListBooksRequest { Shelf = shelf }, CancellationToken.None)).Value.Books.Select(b => b.Title)];

        Assert.Equal(["Emma"], await ListAsync("2021_"));
        Assert.Equal(["Dune"], await ListAsync("2021"));
        Assert.Equal(["Dune", "Emma"], await ListAsync("2021-"));
    }

    [Fact]
    public async Task Search_ByShelf_FindsEveryShelfThatFoldsAlike()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportMappedAsync(db, ShelvesFile, Mapping);

        var found = await new SearchBooks(db).ExecuteAsync(new SearchBooksRequest("shelf:2021"), CancellationToken.None);

        Assert.Equal(["Dune", "Emma"], found.Value.Select(b => b.Title).Order());
    }

    [Fact]
    public async Task Edit_ShelfOfAnotherSpelling_IsAnotherShelf_RemoveFindsTheOneThatFoldsAlike()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportMappedAsync(db, "Title,Author,Publisher,Shelves\nDune,Frank Herbert,,2021\n", Mapping);
        var id = await db.Books.Select(b => b.Id).SingleAsync();

        var added = await new EditBook(db).ExecuteAsync(new EditBookRequest(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { AddShelves = ["2021_", "2021_"] }, CancellationToken.None);
        db.ChangeTracker.Clear();
        var removed = await new EditBook(db).ExecuteAsync(new EditBookRequest(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { RemoveShelves = ["2021_"] }, CancellationToken.None);

        Assert.True(added.IsSuccess, added.Error?.Message);
        Assert.True(removed.IsSuccess, removed.Error?.Message);
        db.ChangeTracker.Clear();
        Assert.Equal(["2021", "2021_"], await db.Tags.Select(t => t.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal(["2021"], await db.BookTags.Select(bt => bt.Tag.Name).ToListAsync());
    }

    [Fact]
    public async Task ExecuteAsync_NameSuffixes_KeptWhereTheSourcePutThem_AndFiledAfterTheSurname()
    {
        await using var db = await fixture.OpenNewAsync();

        await CatalogImports.ImportMappedAsync(
            db,
            "Title,Author\nWhite Ghost Girls,Malcolm Jones III\nBrown Bear,Bill Martin Jr.\nStrength to Love,\"Martin Luther King, Jr.\"\nThe Healing Cure,Jane Smith MD\n",
            new ColumnMapping("Title", "title"),
            new ColumnMapping("Author", "author"));

        var authors = await db.Authors.OrderBy(a => a.Id).Select(a => new { a.Name, a.SortName }).ToListAsync();
        Assert.Equal(["Malcolm Jones III", "Bill Martin Jr.", "Martin Luther King, Jr.", "Jane Smith MD"], authors.Select(a => a.Name));
        Assert.Equal(["Jones III, Malcolm", "Martin Jr., Bill", "King Jr., Martin Luther", "Smith MD, Jane"], authors.Select(a => a.SortName));
    }

    [Fact]
    public async Task ExecuteAsync_SamePersonInCapitalsAndMixedCase_NamedByTheMixedCaseSpelling()
    {
        await using var db = await fixture.OpenNewAsync();

        // In one file, capitals first; then a later file renames a person stored in capitals; a mixed
        // spelling already stored is never replaced by capitals or by another mixed spelling.
        await CatalogImports.ImportMappedAsync(db, "Title,Author\nComes the Blind Fury,JOHN SAUL\nSuffer the Children,John Saul\nCreature,JOHN SAUL\nDune,Frank Herbert\nEmma,JANE AUSTEN\n", new ColumnMapping("Title", "title"), new ColumnMapping("Author", "author"));
        await CatalogImports.ImportMappedAsync(db, "Title,Author\nChildren of Dune,FRANK HERBERT\nPersuasion,Jane Austen\nSense and Sensibility,Jane AUSTEN\n", new ColumnMapping("Title", "title"), new ColumnMapping("Author", "author"));

        var authors = await db.Authors.OrderBy(a => a.Id).Select(a => new { a.Name, a.SortName }).ToListAsync();
        Assert.Equal(["John Saul", "Frank Herbert", "Jane Austen"], authors.Select(a => a.Name));
        Assert.Equal("Saul, John", authors[0].SortName);
        Assert.Equal(3, await db.BookAuthors.CountAsync(ba => ba.Author.Name == "John Saul"));
    }

    [Fact]
    public async Task ExecuteAsync_UnchangedBookNamingItsPersonInMixedCase_RenamesThemAndStaysUnchanged()
    {
        await using var db = await fixture.OpenNewAsync();
        ColumnMapping[] mapping = [new("Title", "title"), new("Author", "author")];
        await CatalogImports.ImportMappedAsync(db, "Title,Author\nCreature,JOHN SAUL\n", mapping);

        var again = await CatalogImports.ImportMappedAsync(db, "Title,Author\nCreature,John Saul\n", mapping);

        Assert.Equal((0L, 1L, 0L), (again.Added, again.Unchanged, again.Differing));
        Assert.Equal(("John Saul", "Saul, John"), await db.Authors.Select(a => new ValueTuple<string, string>(a.Name, a.SortName)).SingleAsync());
    }

    [Fact]
    public async Task Add_MixedCaseSpellingOfAPersonStoredInCapitals_RenamesThem()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportMappedAsync(db, "Title,Author\nCreature,JOHN SAUL\n", new ColumnMapping("Title", "title"), new ColumnMapping("Author", "author"));

        var added = await new AddBook(db).ExecuteAsync(new AddBookRequest("Nathaniel", [new AuthorCredit("John Saul")]), CancellationToken.None);

        Assert.True(added.IsSuccess, added.Error?.Message);
        db.ChangeTracker.Clear();
        Assert.Equal(["John Saul"], await db.Authors.Select(a => a.Name).ToListAsync());
    }

    [Fact]
    public async Task StoryGraph_HalfStarsKeptBesideTheRating_AndTheLatestRangeStartsTheBook()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("storygraph_ranges.csv"));

        Assert.Equal((4L, 4L, 0L, 0L), (summary.Read, summary.Added, summary.Rejected, summary.Warnings));
        var books = await db.Books.ToDictionaryAsync(b => b.Title);
        Assert.Equal((5, "4.5"), (books["Piranesi"].Rating, BookExtras.Parse(books["Piranesi"].Extras).Get("storygraph", "Star Rating")));
        Assert.Equal((4, "3.5"), (books["Circe"].Rating, BookExtras.Parse(books["Circe"].Extras).Get("storygraph", "Star Rating")));
        Assert.Null(BookExtras.Parse(books["Kindred"].Extras).Get("storygraph", "Star Rating"));
        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 9)), (books["Piranesi"].DateStarted, books["Piranesi"].DateRead));
        Assert.Equal((new DateOnly(2023, 8, 1), new DateOnly(2023, 8, 20)), (books["Circe"].DateStarted, books["Circe"].DateRead));
        Assert.Equal((new DateOnly(2024, 5, 6), (DateOnly?)null), (books["The Overstory"].DateStarted, books["The Overstory"].DateRead));
        Assert.Equal((new DateOnly(2022, 10, 2), new DateOnly(2022, 10, 30)), (books["Kindred"].DateStarted, books["Kindred"].DateRead));
        Assert.Equal("2021/06/01-2021/06/12, 2023/08/01-2023/08/20", BookExtras.Parse(books["Circe"].Extras).Get("storygraph", "Dates Read"));
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : TextKeptAsWrittenTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : TextKeptAsWrittenTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : TextKeptAsWrittenTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
