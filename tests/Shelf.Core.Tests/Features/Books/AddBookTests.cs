using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Books;

public abstract class AddBookTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_TwoAuthors_StoresThemInOrderWithRoles()
    {
        await using var db = await fixture.OpenNewAsync();

        var request = new AddBookRequest("Cien años de soledad", [new("Gabriel García Márquez"), new("Gregory Rabassa", AuthorRole.Translator)]) { Pages = "417", Year = "1967" };
        var book = await BookTestData.AddAsync(db, request);

        Assert.Equal(["Gabriel García Márquez", "Gregory Rabassa"], book.Authors);
        Assert.Equal([AuthorRole.Author, AuthorRole.Translator], book.Credits.Select(c => c.Role));
        var stored = await db.BookAuthors.Where(ba => ba.BookId == book.Id).OrderBy(ba => ba.Position).Select(ba => ba.Author.Name).ToListAsync();
        Assert.Equal(["Gabriel García Márquez", "Gregory Rabassa"], stored);
        Assert.Equal(417, book.Pages);
        Assert.Equal(1967, book.Year);
    }

    [Fact]
    public async Task ExecuteAsync_SamePersonWrittenThreeWays_ReusesOneAuthor()
    {
        await using var db = await fixture.OpenNewAsync();

        await BookTestData.AddAsync(db, "The Rose Code", "Kate Quinn");
        await BookTestData.AddAsync(db, "The Alice Network", "kate  quinn");
        await BookTestData.AddAsync(db, "The Huntress", "Quinn, Kate");

        var authors = await db.Authors.Select(a => a.Name).ToListAsync();
        Assert.Equal(["Kate Quinn"], authors);
        Assert.Equal(3, await db.BookAuthors.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_Isbn10WithHyphens_StoresIsbn13()
    {
        await using var db = await fixture.OpenNewAsync();

        var book = await BookTestData.AddAsync(db, BookTestData.Request("The Hobbit", "J.R.R. Tolkien") with { Isbn = "0-261-10221-4" });

        Assert.Equal("9780261102217", book.Isbn13);
        Assert.Equal("9780261102217", await db.Books.Select(b => b.Isbn13).SingleAsync());
    }

    [Fact]
    public async Task ExecuteAsync_Isbn979_IsAccepted()
    {
        await using var db = await fixture.OpenNewAsync();

        var book = await BookTestData.AddAsync(db, BookTestData.Request("Le Petit Prince", "Antoine de Saint-Exupéry") with { Isbn = "979-10-90636-07-1" });

        Assert.Equal("9791090636071", book.Isbn13);
        Assert.Null(book.Isbn10);
    }

    [Fact]
    public async Task ExecuteAsync_IsbnAlreadyInLibrary_ReturnsConflictNamingTheBookAndAddsNothing()
    {
        await using var db = await fixture.OpenNewAsync();
        var first = await BookTestData.AddAsync(db, BookTestData.Request("The Hobbit", "J.R.R. Tolkien") with { Isbn = "9780261102217" });

        var second = await new AddBook(db).ExecuteAsync(BookTestData.Request("Another Title", "Someone Else") with { Isbn = "0261102214", AllowDuplicate = true }, default);

        Assert.Equal(ErrorKind.Conflict, second.Error!.Kind);
        Assert.Equal("book.duplicate_isbn", second.Error.Code);
        Assert.Contains($"book {first.Id}", second.Error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.Books.CountAsync());
        Assert.Equal(1, await db.Authors.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_SameTitleAndFirstAuthor_ReturnsConflictUnlessAllowed()
    {
        await using var db = await fixture.OpenNewAsync();
        var first = await BookTestData.AddAsync(db, "The Hobbit", "J.R.R. Tolkien");

        var refused = await new AddBook(db).ExecuteAsync(BookTestData.Request("the  HOBBIT", "J. R. R. Tolkien"), default);
        var allowed = await new AddBook(db).ExecuteAsync(BookTestData.Request("The Hobbit", "J. R. R. Tolkien") with { AllowDuplicate = true }, default);

        Assert.Equal("book.duplicate", refused.Error!.Code);
        Assert.Contains($"book {first.Id}", refused.Error.Message, StringComparison.Ordinal);
        Assert.True(allowed.IsSuccess);
        Assert.Equal(2, await db.Books.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_SameTitleDifferentFirstAuthor_IsNotADuplicate()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "Collected Poems", "Sylvia Plath");

        var other = await new AddBook(db).ExecuteAsync(BookTestData.Request("Collected Poems", "Philip Larkin"), default);

        Assert.True(other.IsSuccess);
    }

    [Theory]
    [InlineData("", "book.title_empty")]
    [InlineData("   ", "book.title_empty")]
    [InlineData("!!!", "book.title_empty")]
    public async Task ExecuteAsync_BlankTitle_ReturnsInvalidAndWritesNothing(string title, string code)
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new AddBook(db).ExecuteAsync(BookTestData.Request(title, "Someone"), default);

        Assert.Equal(ErrorKind.Invalid, result.Error!.Kind);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(0, await db.Books.CountAsync());
        Assert.Equal(0, await db.Authors.CountAsync());
    }

    [Theory]
    [InlineData("0", "book.pages_not_positive")]
    [InlineData("-3", "book.pages_not_positive")]
    [InlineData("abc", "book.pages_not_number")]
    [InlineData("12.5", "book.pages_not_number")]
    [InlineData("99999999999", "book.pages_too_many")]
    [InlineData("100001", "book.pages_too_many")]
    public async Task ExecuteAsync_BadPages_ReturnsInvalid(string pages, string code)
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new AddBook(db).ExecuteAsync(BookTestData.Request("A Book", "Someone") with { Pages = pages }, default);

        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(0, await db.Books.CountAsync());
    }

    [Theory]
    [InlineData("9780261102218")]
    [InlineData("0261102215")]
    [InlineData("978026110221")]
    [InlineData("97802611022X7")]
    public async Task ExecuteAsync_BadIsbn_ReturnsInvalid(string isbn)
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new AddBook(db).ExecuteAsync(BookTestData.Request("A Book", "Someone") with { Isbn = isbn }, default);

        Assert.Equal("book.isbn_invalid", result.Error!.Code);
        Assert.Equal(0, await db.Books.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_NoAuthor_ReturnsInvalid()
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new AddBook(db).ExecuteAsync(new AddBookRequest("A Book", []), default);

        Assert.Equal("book.no_author", result.Error!.Code);
    }

    [Fact]
    public async Task ExecuteAsync_HugeTitle_ReturnsInvalid()
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new AddBook(db).ExecuteAsync(BookTestData.Request(new string('x', 100_000), "Someone"), default);

        Assert.Equal("book.title_too_long", result.Error!.Code);
    }

    [Fact]
    public async Task ExecuteAsync_HostileText_IsStoredAsData()
    {
        await using var db = await fixture.OpenNewAsync();
        const string Title = "Robert'); DROP TABLE books;-- [bold]x[/]";

        var book = await BookTestData.AddAsync(db, Title, "Bobby \"Tables\" O'Brien");

        Assert.Equal(Title, (await db.Books.SingleAsync()).Title);
        Assert.Equal("Bobby \"Tables\" O'Brien", book.Authors.Single());
    }

    [Fact]
    public async Task ExecuteAsync_StampsUtcTimes()
    {
        await using var db = await fixture.OpenNewAsync();
        var before = DateTime.UtcNow.AddSeconds(-1);

        var book = await BookTestData.AddAsync(db, "Timely", "Someone");

        Assert.Equal(DateTimeKind.Utc, book.AddedAt.Kind);
        Assert.InRange(book.AddedAt, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(book.AddedAt, book.UpdatedAt);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : AddBookTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : AddBookTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : AddBookTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
