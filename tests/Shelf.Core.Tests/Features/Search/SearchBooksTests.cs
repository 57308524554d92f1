using Shelf.Core.Data;
using Shelf.Core.Features.Authors;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Search;
using Shelf.Core.Tests.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Search;

/// <summary>The same scenarios on both databases: search must give the same books on SQLite and PostgreSQL.</summary>
public abstract class SearchBooksTests(DatabaseFixture fixture)
{
    private static async Task SeedAsync(ShelfDbContext db)
    {
        await BookTestData.AddAsync(db, "Cien años de soledad", "Gabriel García Márquez");
        await BookTestData.AddAsync(db, BookTestData.Request("The Hobbit", "J.R.R. Tolkien") with { Isbn = "0-261-10221-4", Year = "1937", Pages = "310" });
        await BookTestData.AddAsync(db, BookTestData.Request("The Lord of the Rings", "J.R.R. Tolkien") with { Year = "1954", Pages = "1178", Publisher = "Allen & Unwin" });
        await BookTestData.AddAsync(db, "Ægir's Saga: ØRESUND", "Björk Guðmundsdóttir");
        await BookTestData.AddAsync(db, "Война и мир", "Лев Толстой");
    }

    private static async Task<IReadOnlyList<string>> TitlesAsync(ShelfDbContext db, string query, int limit = 50)
    {
        var found = await new SearchBooks(db).ExecuteAsync(new SearchBooksRequest(query) { Limit = limit }, default);
        Assert.True(found.IsSuccess, found.Error?.Message);
        return [.. found.Value.Select(b => b.Title)];
    }

    [Theory]
    [InlineData("HOBBIT", new[] { "The Hobbit" })]
    [InlineData("tolkien", new[] { "The Hobbit", "The Lord of the Rings" })]
    [InlineData("j. r. r.", new[] { "The Hobbit", "The Lord of the Rings" })]
    [InlineData("lord tolkien", new[] { "The Lord of the Rings" })]
    [InlineData("garcia marquez", new[] { "Cien años de soledad" })]
    [InlineData("AÑOS", new[] { "Cien años de soledad" })]
    [InlineData("oresund", new[] { "Ægir's Saga: ØRESUND" })]
    [InlineData("ВОЙНА", new[] { "Война и мир" })]
    [InlineData("толстой", new[] { "Война и мир" })]
    [InlineData("hobbit garcia", new string[0])]
    [InlineData("\"lord of the\"", new[] { "The Lord of the Rings" })]
    [InlineData("\"of lord\"", new string[0])]
    [InlineData("\"rings j\"", new string[0])]
    [InlineData("title:tolkien", new string[0])]
    [InlineData("author:tolkien -lord", new[] { "The Hobbit" })]
    [InlineData("hobbit OR soledad", new[] { "Cien años de soledad", "The Hobbit" })]
    [InlineData("tolkien year:>1940", new[] { "The Lord of the Rings" })]
    [InlineData("year:1900..1950", new[] { "The Hobbit" })]
    [InlineData("pages:<=400 tolkien", new[] { "The Hobbit" })]
    [InlineData("publisher:unwin", new[] { "The Lord of the Rings" })]
    [InlineData("isbn:9780261102217", new[] { "The Hobbit" })]
    [InlineData("0-261-10221-4", new[] { "The Hobbit" })]
    [InlineData("026110221X", new string[0])]
    [InlineData("-tolkien -soledad -saga", new[] { "Война и мир" })]
    [InlineData("tolkien OR year:1937", new[] { "The Hobbit", "The Lord of the Rings" })]
    [InlineData("hobbit: the", new[] { "The Hobbit" })]
    public async Task ExecuteAsync_Query_FindsTheBooksItDescribes(string query, string[] expected)
    {
        await using var db = await fixture.OpenNewAsync();
        await SeedAsync(db);

        var titles = await TitlesAsync(db, query);

        Assert.Equal(expected.Order(StringComparer.Ordinal), titles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_Ranking_ExactTitleThenTitlePrefixThenRelevance()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "A River Runs Through It", "Norman Maclean");
        await BookTestData.AddAsync(db, "River Stories", "Ann Lee");
        await BookTestData.AddAsync(db, "Songs", "Jo River");
        await BookTestData.AddAsync(db, "River", "Cy Abel");

        Assert.Equal(["River", "River Stories", "A River Runs Through It", "Songs"], await TitlesAsync(db, "river"));
    }

    [Fact]
    public async Task ExecuteAsync_PagesOfTheRanking_SameOrderAsOneLongPage()
    {
        // The title tiers are read only as far as the page reaches: pages that end inside them, at
        // their end and past them must still join up into the one ranking.
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "A River Runs Through It", "Norman Maclean");
        await BookTestData.AddAsync(db, "River Stories", "Ann Lee");
        await BookTestData.AddAsync(db, "Songs", "Jo River");
        await BookTestData.AddAsync(db, "River Bend", "Bo Tate");
        await BookTestData.AddAsync(db, "River", "Cy Abel");
        await BookTestData.AddAsync(db, "Rivers of Light", "Di Vale");

        var whole = await TitlesAsync(db, "river");
        var pages = new List<string>();
        for (var offset = 0; offset < whole.Count + 2; offset += 2)
        {
            var page = await new SearchBooks(db).ExecuteAsync(new SearchBooksRequest("river") { Limit = 2, Offset = offset }, default);
            pages.AddRange(page.Value!.Select(b => b.Title));
        }

        Assert.Equal(["River", "River Bend", "River Stories", "Rivers of Light"], whole.Take(4));
        Assert.Equal(6, whole.Count);
        Assert.Equal(whole, pages);
    }

    [Fact]
    public async Task ExecuteAsync_WholeWord_RanksBeforeAWordItOnlyStarts()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "Tales Riverside", "Ann Lee");
        await BookTestData.AddAsync(db, "Tales River", "Bo Ek");

        Assert.Equal(["Tales River", "Tales Riverside"], await TitlesAsync(db, "river tales"));
    }

    [Fact]
    public async Task ExecuteAsync_PrefixOfManyWords_FindsEveryBookStartingIt()
    {
        // A prefix standing for more terms than the search expands stays a prefix; one with fewer is
        // expanded to the index's terms. Both must find every book whose word starts with it.
        await using var db = await fixture.OpenNewAsync();
        for (var i = 10; i < 30; i++)
        {
            await BookTestData.AddAsync(db, $"Zorbax{i} Chronicle", "Ann Lee");
        }

        await BookTestData.AddAsync(db, "Zorba the Greek", "Nikos Kazantzakis");

        Assert.Equal(20, (await TitlesAsync(db, "zorbax")).Count);
        Assert.Equal(10, (await TitlesAsync(db, "zorbax1")).Count);
        Assert.Equal(21, (await TitlesAsync(db, "zorb")).Count);
        Assert.Equal(["Zorbax15 Chronicle"], await TitlesAsync(db, "zorbax15"));
        Assert.Equal(["Zorba the Greek"], await TitlesAsync(db, "zorb -zorbax"));
    }

    [Fact]
    public async Task ExecuteAsync_PageBeyondTheScoredMatches_StillFindsBooks()
    {
        await using var db = await fixture.OpenNewAsync();
        for (var i = 0; i < 60; i++)
        {
            await BookTestData.AddAsync(db, BookTestData.Request($"Harbor Lights {i}", "Ann Lee") with { Year = "1990" });
        }

        var search = new SearchBooks(db);
        var page = await search.ExecuteAsync(new SearchBooksRequest("lights year:1990") { Limit = 20, Offset = 40 }, default);

        Assert.Equal(20, page.Value.Count);
    }

    [Fact]
    public async Task ExecuteAsync_Term_MatchesTheStartOfWordsOnly()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "100% Pure", "Someone");
        await BookTestData.AddAsync(db, "1000 Places", "Someone Else");
        await BookTestData.AddAsync(db, "Björk", "Anyone");

        Assert.Equal(["1000 Places"], await TitlesAsync(db, "1000"));
        Assert.Empty(await TitlesAsync(db, "jork"));
    }

    [Fact]
    public async Task ExecuteAsync_LimitOffsetAndSort_PageTheMatches()
    {
        await using var db = await fixture.OpenNewAsync();
        await SeedAsync(db);
        var search = new SearchBooks(db);

        var first = await search.ExecuteAsync(new SearchBooksRequest("the") { Limit = 1 }, default);
        var second = await search.ExecuteAsync(new SearchBooksRequest("the") { Limit = 1, Offset = 1 }, default);
        var byYear = await search.ExecuteAsync(new SearchBooksRequest("tolkien") { Sort = BookSort.Year, Descending = true }, default);

        Assert.Equal(["The Hobbit"], first.Value.Select(b => b.Title));
        Assert.Equal(["The Lord of the Rings"], second.Value.Select(b => b.Title));
        Assert.Equal(["The Lord of the Rings", "The Hobbit"], byYear.Value.Select(b => b.Title));
        Assert.Equal(1937, first.Value[0].Year);
    }

    [Theory]
    [InlineData("\"the hobbit", "search.syntax", "at position 1:")]
    [InlineData("hobbit genre:fantasy", "search.syntax", "at position 8: unknown field 'genre:'")]
    [InlineData("year:abc", "search.syntax", "at position 6: expected a number after year:")]
    [InlineData("rating:5..1", "search.syntax", "at position 8:")]
    [InlineData("OR hobbit", "search.syntax", "at position 1: OR needs")]
    [InlineData("hobbit OR", "search.syntax", "at position 8: OR needs")]
    [InlineData("isbn:12345", "search.syntax", "at position 6: expected an ISBN")]
    [InlineData("tolkien - hobbit", "search.syntax", "at position 9: expected a term right after '-'")]
    [InlineData("%", "search.empty", "")]
    public async Task ExecuteAsync_MalformedQuery_ReturnsInvalidNamingThePosition(string query, string code, string start)
    {
        await using var db = await fixture.OpenNewAsync();

        var found = await new SearchBooks(db).ExecuteAsync(new SearchBooksRequest(query), default);

        Assert.Equal(code, found.Error!.Code);
        Assert.StartsWith(start, found.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_OverlongQuery_ReturnsInvalid()
    {
        await using var db = await fixture.OpenNewAsync();

        var found = await new SearchBooks(db).ExecuteAsync(new SearchBooksRequest(new string('a', 10_000)), default);

        Assert.Equal("search.too_long", found.Error!.Code);
    }

    [Fact]
    public async Task Writes_EveryKind_SearchShowsThemAtOnce()
    {
        await using var db = await fixture.OpenNewAsync();
        var hobbit = await BookTestData.AddAsync(db, "The Hobbit", "J.R.R. Tolkien");
        Assert.Equal(["The Hobbit"], await TitlesAsync(db, "hobbit"));

        var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest(hobbit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Title = "There and Back Again", Authors = [new AuthorCredit("Bilbo Baggins")] }, default);
        Assert.True(edited.IsSuccess, edited.Error?.Message);
        db.ChangeTracker.Clear();
        Assert.Empty(await TitlesAsync(db, "hobbit"));
        Assert.Empty(await TitlesAsync(db, "tolkien"));
        Assert.Equal(["There and Back Again"], await TitlesAsync(db, "back baggins"));

        Assert.True((await new RenameAuthor(db).ExecuteAsync("Bilbo Baggins", "Frodo Baggins", default)).IsSuccess);
        db.ChangeTracker.Clear();
        Assert.Equal(["There and Back Again"], await TitlesAsync(db, "frodo"));
        Assert.Empty(await TitlesAsync(db, "bilbo"));

        await BookTestData.AddAsync(db, "Unfinished Tales", "Sam Gamgee");
        Assert.True((await new MergeAuthors(db).ExecuteAsync("Sam Gamgee", "Frodo Baggins", default)).IsSuccess);
        db.ChangeTracker.Clear();
        Assert.Equal(["There and Back Again", "Unfinished Tales"], (await TitlesAsync(db, "frodo")).Order(StringComparer.Ordinal));

        // Another program writing SQL directly: the triggers keep the index true.
        await db.ExecuteAsync("UPDATE books SET series = 'Middle-earth' WHERE id = @id", ("id", hobbit.Id));
        Assert.Equal(["There and Back Again"], await TitlesAsync(db, "series:\"middle earth\""));

        Assert.True((await new RemoveBook(db).ExecuteAsync(hobbit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), default)).IsSuccess);
        Assert.Equal(["Unfinished Tales"], await TitlesAsync(db, "frodo"));
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : SearchBooksTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : SearchBooksTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : SearchBooksTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
