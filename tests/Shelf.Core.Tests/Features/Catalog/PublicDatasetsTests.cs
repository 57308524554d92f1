using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Catalog.Formats;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// Public data sets and tool outputs people import: the Kaggle Goodreads-books file, Book-Crossing's
/// BX-Books.csv, calibredb list's console table, and files with lines before their header. The
/// fixtures (see Fixtures/README.md) are written from each file's documented layout.
/// </summary>
public abstract class PublicDatasetsTests(DatabaseFixture fixture)
{
    static PublicDatasetsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task KaggleGoodreads_SlashJoinedPeople_EditionsApart_AndAnUnquotedCommaReadBackIntoAuthors()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("kaggle_goodreads_books.csv"));

        Assert.Equal(("kaggle-goodreads", 6L, 6L, 0L), (summary.Format, summary.Read, summary.Added, summary.Rejected));
        Assert.Equal(summary.Read, summary.Added + summary.Updated + summary.Unchanged + summary.Rejected);
        Assert.Equal([5L, 6L], summary.WarningRows.Select(w => w.Line));
        Assert.Contains("unquoted in authors", summary.WarningRows[0].Message, StringComparison.Ordinal);
        Assert.Contains("publication_date: '11/31/2000'", summary.WarningRows[1].Message, StringComparison.Ordinal);

        var books = await db.Books.Include(b => b.Authors).ThenInclude(a => a.Author).Include(b => b.Identifiers).ToListAsync();
        var prince = books.Single(b => b.Identifiers.Any(i => i is { Scheme: "goodreads", Value: "1" }));
        Assert.Equal(["J.K. Rowling", "Mary GrandPré"], prince.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name));
        Assert.Equal(("9780439785969", 652, 2006, "eng", "Scholastic Inc."), (prince.Isbn13, prince.Pages, prince.YearPublished, prince.Language, prince.Publisher));
        var extras = BookExtras.Parse(prince.Extras);
        Assert.Equal(("4.57", "9/16/2006", "2095690"), (extras.Get("kaggle-goodreads", "average_rating"), extras.Get("kaggle-goodreads", "publication_date"), extras.Get("kaggle-goodreads", "ratings_count")));

        // Two editions of one title and the same people, with different ISBNs: two books.
        Assert.Equal(2, books.Count(b => b.Title.StartsWith("Harry Potter and the Order of the Phoenix", StringComparison.Ordinal)));

        var reader = books.Single(b => b.Title == "The Tolkien Fan's Medieval Reader");
        Assert.Equal(
            ["David E. Smith (Turgon of TheOneRing.net, one of the founding members of this Tolkien website)", "Verlyn Flieger", "Turgon (=David E. Smith)"],
            reader.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name));
        Assert.Equal(("Smith, David E. (Turgon of TheOneRing.net, one of the founding members of this Tolkien website)", 3.58m.ToString(System.Globalization.CultureInfo.InvariantCulture)), (reader.Authors.Single(a => a.Position == 0).Author.SortName, BookExtras.Parse(reader.Extras).Get("kaggle-goodreads", "average_rating")));
        Assert.Equal(("Cold Spring Press", 400, 2004), (reader.Publisher, reader.Pages, reader.YearPublished));

        var lynley = books.Single(b => b.Title.StartsWith("In Pursuit", StringComparison.Ordinal));
        Assert.Null(lynley.YearPublished);
        Assert.Equal("11/31/2000", BookExtras.Parse(lynley.Extras).Get("kaggle-goodreads", "publication_date"));
    }

    [Fact]
    public async Task BookCrossing_Latin1SemicolonsBackslashQuotesEntitiesAndYearZero()
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportFileAsync(db, CatalogImports.Fixture("bx_books.csv"));

        Assert.Equal(("book-crossing", "semicolon", 6L, 6L, 0L), (summary.Format, summary.Separator, summary.Read, summary.Added, summary.Rejected));
        Assert.StartsWith("windows-1252", summary.Encoding, StringComparison.Ordinal);
        var books = await db.Books.Include(b => b.Authors).ThenInclude(a => a.Author).ToDictionaryAsync(b => b.Isbn13!);
        var lost = books["9780140067477"];
        Assert.Equal(("The \"Lost\" Diaries; a Novel", "Ann Writer", (int?)null), (lost.Title, lost.Authors.Single().Author.Name, lost.YearPublished));
        Assert.Equal("0", BookExtras.Parse(lost.Extras).Get("book-crossing", "Year-Of-Publication"));
        Assert.Equal("W. W. Norton & Company", books["9780393045215"].Publisher);
        Assert.Equal(("Cien años de soledad", "Gabriel García Márquez", "Éditions du Seuil"), (books["9780060929794"].Title, books["9780060929794"].Authors.Single().Author.Name, books["9780060929794"].Publisher));
        Assert.Equal("http://images.amazon.com/images/P/0195153448.01.LZZZZZZZ.jpg", BookExtras.Parse(books["9780195153446"].Extras).Get("book-crossing", "Image-URL-L"));
        Assert.Equal(1, summary.Warnings);
    }

    [Fact]
    public async Task BookCrossing_TitleEndingInAnEscapedQuote_ReadIntoTheRightColumnsWithAWarning()
    {
        await using var db = await fixture.OpenNewAsync();
        const string Urls = ";\"http://images.amazon.com/s.jpg\";\"http://images.amazon.com/m.jpg\";\"http://images.amazon.com/l.jpg\"\r\n";
        var latin1 = Encoding.Latin1;
        var file = latin1.GetBytes(
            "\"ISBN\";\"Book-Title\";\"Book-Author\";\"Year-Of-Publication\";\"Publisher\";\"Image-URL-S\";\"Image-URL-M\";\"Image-URL-L\"\r\n"
            + "\"0195153448\";\"Classical Mythology\";\"Mark P. O. Morford\";\"2002\";\"Oxford University Press\"" + Urls

            // The author quoted after the escaped quote, then unquoted, then a title whose quote the escaped one closes.
            + "\"078946697X\";\"DK Readers: Creating the X-Men (Level 4: Proficient Readers)\\\";\"Michael Teitelbaum\";\"2000\";\"DK Publishing Inc\"" + Urls
            + "\"2070426769\";\"Peuple du ciel, suivi de 'Les Bergers\\\";Jean-Marie Gustave Le Clézio\";\"2003\";\"Gallimard\"" + Urls
            + "\"0451524934\";\"Some \\\"Title\\\";\"Ann Writer\";\"1999\";\"Signet\"" + Urls);
        byte[] ambiguous = latin1.GetBytes("\"0679425608\";\"One \\\";Two \\\";\"Bob\";\"1996\";\"Random House\"" + Urls);
        using var rejects = new MemoryStream();

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream([.. file, .. ambiguous])) { Rejects = rejects });

        Assert.Equal(("book-crossing", 5L, 4L, 1L), (summary.Format, summary.Read, summary.Added, summary.Rejected));
        var books = await db.Books.Include(b => b.Authors).ThenInclude(a => a.Author).ToDictionaryAsync(b => b.Isbn13!);
        Assert.Equal(
            ("DK Readers: Creating the X-Men (Level 4: Proficient Readers)", "Michael Teitelbaum", (int?)2000, "DK Publishing Inc"),
            (books["9780789466976"].Title, books["9780789466976"].Authors.Single().Author.Name, books["9780789466976"].YearPublished, books["9780789466976"].Publisher));
        Assert.Equal(
            ("Peuple du ciel, suivi de 'Les Bergers", "Jean-Marie Gustave Le Clézio", (int?)2003, "Gallimard"),
            (books["9782070426768"].Title, books["9782070426768"].Authors.Single().Author.Name, books["9782070426768"].YearPublished, books["9782070426768"].Publisher));
        Assert.Equal(("Some \"Title\"", "Ann Writer", (int?)1999), (books["9780451524935"].Title, books["9780451524935"].Authors.Single().Author.Name, books["9780451524935"].YearPublished));
        Assert.Equal("http://images.amazon.com/l.jpg", BookExtras.Parse(books["9780789466976"].Extras).Get("book-crossing", "Image-URL-L"));
        Assert.Equal([3L, 4L, 5L], summary.WarningRows.Select(w => w.Line));
        Assert.All(summary.WarningRows, w => Assert.Contains("ran Book-Author into it", w.Message, StringComparison.Ordinal));

        // Two escaped quotes before a separator: no reading is sure, so the row is rejected, never stored shifted.
        var rejected = Assert.Single(summary.RejectedRows);
        Assert.Equal(6L, rejected.Line);
        Assert.Contains("Book-Title holds '\";'", rejected.Message, StringComparison.Ordinal);
        Assert.Equal([.. file[..(Array.IndexOf(file, (byte)'\n') + 1)], .. ambiguous], rejects.ToArray());
    }

    [Fact]
    public async Task CalibredbListOutput_RefusedInOneLineSayingWhatToExport_NothingImported()
    {
        await using var db = await fixture.OpenNewAsync();

        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(File.OpenRead(CatalogImports.Fixture("calibredb_list.txt"))) { Format = "calibre" });

        Assert.Equal(CatalogErrorCodes.CalibreList, error.Code);
        Assert.Contains("calibredb list", error.Message, StringComparison.Ordinal);
        Assert.Contains("calibredb catalog books.csv", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(0, await db.Books.CountAsync());
    }

    [Theory]
    [InlineData("id;title;authors\n1;Dune;Frank Herbert\n")]
    [InlineData("id, title, authors\n1, Dune, Frank Herbert\n")]
    public async Task CsvWhoseColumnsStartWithIdAndTitle_IsNoConsoleTable(string csv)
    {
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportMappedAsync(db, csv, new ColumnMapping("title", "title"), new ColumnMapping("authors", "authors"));

        Assert.Equal(1, summary.Added);
    }

    [Fact]
    public async Task SkipLines_LinesBeforeTheHeaderSkipped_LinesCountedFromTheFilesFirst()
    {
        await using var db = await fixture.OpenNewAsync();
        var text = "My books, exported 2024-01-01\n[INFO] 3 rows\nTitle,Author,Year\nDune,Frank Herbert,1965\n,Nobody,2000\nEmma,Jane Austen,year 0\n";

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(text)))
        {
            SkipLines = 2,
            Mappings = [new("Title", "title"), new("Author", "author"), new("Year", "year")],
        });

        Assert.Equal((3L, 2L, 1L), (summary.Read, summary.Added, summary.Rejected));
        Assert.Equal(5L, summary.RejectedRows.Single().Line);
        Assert.Equal(6L, summary.WarningRows.Single().Line);
        Assert.Equal(["Dune", "Emma"], await db.Books.OrderBy(b => b.Title).Select(b => b.Title).ToListAsync());
    }

    [Fact]
    public async Task HeaderAfterOtherLines_ErrorSaysWhichLineHoldsItAndHowManyToSkip_ThenReadWithSkipLines()
    {
        await using var db = await fixture.OpenNewAsync();
        var bytes = Encoding.UTF8.GetBytes("Goodreads export for Ann\nsaved 2024-01-01\nBook Id,Title,Author,My Rating,Exclusive Shelf\n1,Dune,Frank Herbert,5,read\n");

        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream(bytes)));
        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(bytes)) { SkipLines = 2 });

        Assert.Equal(CatalogErrorCodes.UnknownFormat, error.Code);
        Assert.Contains("line 3 holds the columns of the goodreads format: skip the 2 lines before it", error.Message, StringComparison.Ordinal);
        Assert.Equal(("goodreads", 1L), (summary.Format, summary.Added));
    }

    [Fact]
    public async Task SkipLines_Utf16FileWithAByteOrderMark_StillRead()
    {
        await using var db = await fixture.OpenNewAsync();
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Exported by a tool\r\ntitle,number_of_pages,first_name,last_name\r\nΟδύσσεια,541,,Όμηρος\r\n")).ToArray();

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(bytes)) { SkipLines = 1 });

        Assert.Equal(("simple", 1L), (summary.Format, summary.Added));
        Assert.Equal("Οδύσσεια", await db.Books.Select(b => b.Title).SingleAsync());
    }

    [Fact]
    public async Task SkipLines_MoreThanTheFileHas_OneLineErrorAndNothingImported()
    {
        await using var db = await fixture.OpenNewAsync();

        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream("Title,Author\nDune,Frank Herbert\n"u8.ToArray())) { SkipLines = 5 });

        Assert.Equal(CatalogErrorCodes.SkipTooFar, error.Code);
        Assert.Equal(0, await db.Books.CountAsync());
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : PublicDatasetsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : PublicDatasetsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : PublicDatasetsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
