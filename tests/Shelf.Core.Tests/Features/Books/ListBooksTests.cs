using Shelf.Core.Common;
using Shelf.Core.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Books;

public abstract class ListBooksTests(DatabaseFixture fixture)
{
    private static async Task SeedAsync(Shelf.Core.Data.ShelfDbContext db)
    {
        await BookTestData.AddAsync(db, BookTestData.Request("Emma", "Jane Austen") with { Year = "1815", Pages = "474" });
        await BookTestData.AddAsync(db, BookTestData.Request("Beloved", "Toni Morrison") with { Year = "1987", Pages = "324" });
        await BookTestData.AddAsync(db, BookTestData.Request("Persuasion", "Jane Austen") with { Year = "1817", Pages = "249" });
        await BookTestData.AddAsync(db, BookTestData.Request("Ángel", "Zoe Adams") with { Year = "2001" });
    }

    [Theory]
    [InlineData(BookSort.Title, false, new[] { "Ángel", "Beloved", "Emma", "Persuasion" })]
    [InlineData(BookSort.Title, true, new[] { "Persuasion", "Emma", "Beloved", "Ángel" })]
    [InlineData(BookSort.Author, false, new[] { "Ángel", "Emma", "Persuasion", "Beloved" })]
    [InlineData(BookSort.Year, true, new[] { "Ángel", "Beloved", "Persuasion", "Emma" })]
    [InlineData(BookSort.Id, false, new[] { "Emma", "Beloved", "Persuasion", "Ángel" })]
    public async Task ExecuteAsync_Sort_OrdersBooks(BookSort sort, bool descending, string[] expected)
    {
        await using var db = await fixture.OpenNewAsync();
        await SeedAsync(db);

        var page = await new ListBooks(db).ExecuteAsync(new ListBooksRequest { Sort = sort, Descending = descending }, default);

        Assert.Equal(expected, page.Value.Books.Select(b => b.Title));
    }

    [Fact]
    public async Task ExecuteAsync_AuthorFilter_ReturnsOnlyTheirBooksAndCountsThem()
    {
        await using var db = await fixture.OpenNewAsync();
        await SeedAsync(db);

        var page = await new ListBooks(db).ExecuteAsync(new ListBooksRequest { Author = "AUSTEN", CountTotal = true }, default);

        Assert.Equal(["Emma", "Persuasion"], page.Value.Books.Select(b => b.Title));
        Assert.Equal(2, page.Value.Total);
        Assert.All(page.Value.Books, b => Assert.Equal(["Jane Austen"], b.Authors));
    }

    [Fact]
    public async Task ExecuteAsync_LimitAndOffset_ReturnAPage()
    {
        await using var db = await fixture.OpenNewAsync();
        await SeedAsync(db);

        var page = await new ListBooks(db).ExecuteAsync(new ListBooksRequest { Limit = 2, Offset = 1, CountTotal = true }, default);

        Assert.Equal(["Beloved", "Emma"], page.Value.Books.Select(b => b.Title));
        Assert.Equal(4, page.Value.Total);
    }

    // Ties on purpose: two people with one sort name, co-authors, a book with no author at all.
    private static async Task SeedForAuthorOrderAsync(Shelf.Core.Data.ShelfDbContext db)
    {
        await BookTestData.AddAsync(db, "Zebra", "Ann Lee");
        await BookTestData.AddAsync(db, "Apple", "Ann Lee", "Bo Chen");
        await BookTestData.AddAsync(db, "Mango", "Bo Chen");
        await BookTestData.AddAsync(db, "Kiwi", "Cy Abel");
        await BookTestData.AddAsync(db, BookTestData.Request("Fig", "Dee Ford") with { AllowDuplicate = true });
        await BookTestData.AddAsync(db, "Date", "Eve Moss");
        await BookTestData.AddAsync(db, "Lime", "Eve Moss");
        await db.ExecuteAsync("INSERT INTO books (title, title_key, added_at, updated_at, read_count) VALUES ('Nameless', 'nameless', '2026-01-01', '2026-01-01', 0)");
        await db.ExecuteAsync("UPDATE books SET status = 'read' WHERE title IN ('Apple', 'Kiwi', 'Lime', 'Nameless')");
    }

    [Theory]
    [InlineData(false, new[] { "Kiwi", "Mango", "Fig", "Apple", "Zebra", "Date", "Lime", "Nameless" })]
    [InlineData(true, new[] { "Lime", "Date", "Zebra", "Apple", "Fig", "Mango", "Kiwi", "Nameless" })]
    public async Task ExecuteAsync_SortByAuthorInSmallSteps_PagesThroughEveryBookInOrder(bool descending, string[] expected)
    {
        await using var db = await fixture.OpenNewAsync();
        await SeedForAuthorOrderAsync(db);
        var list = new ListBooks(db) { AuthorsPerStep = 2 };

        var paged = new List<string>();
        for (var offset = 0; offset < 10; offset += 3)
        {
            var page = await list.ExecuteAsync(new ListBooksRequest { Sort = BookSort.Author, Descending = descending, Limit = 3, Offset = offset }, default);
            paged.AddRange(page.Value.Books.Select(b => b.Title));
        }

        Assert.Equal(expected, paged);
    }

    [Theory]
    [InlineData(BookSort.Author)]
    [InlineData(BookSort.Title)]
    [InlineData(BookSort.Year)]
    public async Task ExecuteAsync_CommonOrRareFilter_SameBooksInTheSameOrder(BookSort sort)
    {
        await using var db = await fixture.OpenNewAsync();
        await SeedForAuthorOrderAsync(db);
        var request = new ListBooksRequest { Sort = sort, Status = "read", Author = "e", CountTotal = true };

        // Gathered from the filters' own indexes (rare) or checked while walking the order (common).
        var rare = await new ListBooks(db).ExecuteAsync(request, default);
        var common = await new ListBooks(db) { FewBooks = 1, AuthorsPerStep = 2 }.ExecuteAsync(request, default);

        Assert.Equal(sort == BookSort.Author ? ["Kiwi", "Apple", "Lime"] : ["Apple", "Kiwi", "Lime"], rare.Value.Books.Select(b => b.Title));
        Assert.Equal(rare.Value.Books.Select(b => b.Title), common.Value.Books.Select(b => b.Title));
        Assert.Equal(3, common.Value.Total);
    }

    [Fact]
    public async Task ExecuteAsync_CommonAuthorFilter_CountsEachMatchingBookOnce()
    {
        // Too common to gather (FewBooks = 1), the count starts from the matching people: a book two
        // of them wrote is still one book, and a book by nobody matching is not counted.
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, new AddBookRequest("Good Omens", [BookTestData.Credit("Terry Pratchett"), BookTestData.Credit("Neil Gaiman")]));
        await BookTestData.AddAsync(db, "Anansi Boys", "Neil Gaiman");
        await BookTestData.AddAsync(db, "Mort", "Terry Pratchett");
        await BookTestData.AddAsync(db, "Emma", "Jane Austen");

        var request = new ListBooksRequest { Author = "r", Limit = 2, CountTotal = true };
        var common = await new ListBooks(db) { FewBooks = 1 }.ExecuteAsync(request, default);
        var rare = await new ListBooks(db).ExecuteAsync(request, default);

        Assert.Equal(["Good Omens", "Mort"], common.Value.Books.Select(b => b.Title));
        Assert.Equal(2, common.Value.Total);
        Assert.Equal(rare.Value.Total, common.Value.Total);
        var everyone = await new ListBooks(db) { FewBooks = 1 }.ExecuteAsync(request with { Author = "a" }, default);
        Assert.Equal(4, everyone.Value.Total);
    }

    [Fact]
    public async Task ExecuteAsync_BookWithSeveralCredits_ListsEveryFieldAndTheNamesInCreditOrder()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, new AddBookRequest("Good Omens", [BookTestData.Credit("Terry Pratchett"), BookTestData.Credit("Neil Gaiman"), BookTestData.Credit("Anna Reader", Shelf.Core.Domain.AuthorRole.Narrator)])
        {
            Pages = "412",
            Isbn = "9780060853983",
            Year = "2006",
            Publisher = "HarperTorch",
        });
        await BookTestData.AddAsync(db, BookTestData.Request("Anansi Boys", "Neil Gaiman"));

        var page = await new ListBooks(db).ExecuteAsync(new ListBooksRequest { Sort = BookSort.Title }, default);

        var omens = Assert.Single(page.Value.Books, b => b.Title == "Good Omens");
        Assert.Equal(["Terry Pratchett", "Neil Gaiman", "Anna Reader"], omens.Authors);
        Assert.Equal((412, "9780060853983", 2006, "HarperTorch"), (omens.Pages, omens.Isbn13, omens.Year, omens.Publisher));
        var anansi = Assert.Single(page.Value.Books, b => b.Title == "Anansi Boys");
        Assert.Equal(["Neil Gaiman"], anansi.Authors);
        Assert.Equal((null, null, null, null), (anansi.Pages, anansi.Isbn13, anansi.Year, anansi.Publisher));
    }

    [Fact]
    public async Task ExecuteAsync_NegativeLimit_ReturnsInvalid()
    {
        await using var db = await fixture.OpenNewAsync();

        var page = await new ListBooks(db).ExecuteAsync(new ListBooksRequest { Limit = -1 }, default);

        Assert.Equal(ErrorKind.Invalid, page.Error!.Kind);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ListBooksTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ListBooksTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : ListBooksTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
