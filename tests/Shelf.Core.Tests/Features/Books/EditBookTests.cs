using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Books;

public abstract class EditBookTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_Fields_AreChangedAndClearedAndUpdatedAtMoves()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await BookTestData.AddAsync(db, BookTestData.Request("Teh Hobbit", "J.R.R. Tolkien") with { Subtitle = "There and Back", Pages = "300" });

        var edited = await new EditBook(db).ExecuteAsync(
            new EditBookRequest(book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Title = "The Hobbit", Pages = "310", Subtitle = "", Isbn = "0261102214", Year = "1937", Publisher = "Allen & Unwin" },
            default);

        Assert.True(edited.IsSuccess, edited.Error?.Message);
        Assert.Equal("The Hobbit", edited.Value.Title);
        Assert.Null(edited.Value.Subtitle);
        Assert.Equal(310, edited.Value.Pages);
        Assert.Equal("9780261102217", edited.Value.Isbn13);
        Assert.Equal(1937, edited.Value.Year);
        Assert.Equal("Allen & Unwin", edited.Value.Publisher);
        Assert.True(edited.Value.UpdatedAt >= book.UpdatedAt);
        Assert.Equal("the hobbit", await db.Books.Select(b => b.TitleKey).SingleAsync());
    }

    [Fact]
    public async Task ExecuteAsync_AuthorsGiven_ReplacesThemInTheNewOrder()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await BookTestData.AddAsync(db, "Good Omens", "Terry Pratchett", "Neil Gaiman");

        var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest(book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Authors = [new("Neil Gaiman"), new("Terry Pratchett")] }, default);

        Assert.Equal(["Neil Gaiman", "Terry Pratchett"], edited.Value.Authors);
        Assert.Equal(2, await db.Authors.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_AddAndRemoveAuthor_ChangesCreditsAndKeepsPositionsDense()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await BookTestData.AddAsync(db, "Anthology", "Ann Editor", "Bob Writer", "Cy Writer");
        var id = book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest(id) { RemoveAuthors = ["bob writer"], AddAuthors = [new("Dee Artist", AuthorRole.Illustrator)] }, default);

        Assert.Equal(["Ann Editor", "Cy Writer", "Dee Artist"], edited.Value.Authors);
        Assert.Equal(AuthorRole.Illustrator, edited.Value.Credits[2].Role);
        var positions = await db.BookAuthors.Where(ba => ba.BookId == book.Id).OrderBy(ba => ba.Position).Select(ba => ba.Position).ToListAsync();
        Assert.Equal([0, 1, 2], positions);
    }

    [Fact]
    public async Task ExecuteAsync_RemovingTheOnlyAuthor_ReturnsInvalidAndChangesNothing()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await BookTestData.AddAsync(db, "Solo", "Only Author");

        var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest(book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { RemoveAuthors = ["Only Author"] }, default);

        Assert.Equal("book.no_author", edited.Error!.Code);
        Assert.Equal(1, await db.BookAuthors.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_RemovingSomeoneNotCredited_ReturnsNotFound()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await BookTestData.AddAsync(db, "Solo", "Only Author");

        var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest(book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { RemoveAuthors = ["Somebody Else"] }, default);

        Assert.Equal(ErrorKind.NotFound, edited.Error!.Kind);
    }

    [Fact]
    public async Task ExecuteAsync_IsbnOfAnotherBook_ReturnsConflictAndChangesNothing()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, BookTestData.Request("The Hobbit", "J.R.R. Tolkien") with { Isbn = "9780261102217" });
        var other = await BookTestData.AddAsync(db, "Other", "Someone");

        var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest(other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Isbn = "9780261102217", Title = "Changed" }, default);

        Assert.Equal("book.duplicate_isbn", edited.Error!.Code);
        db.ChangeTracker.Clear();
        Assert.Equal("Other", (await db.Books.SingleAsync(b => b.Id == other.Id)).Title);
    }

    [Fact]
    public async Task ExecuteAsync_InvalidValue_ReturnsInvalidAndChangesNothing()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await BookTestData.AddAsync(db, BookTestData.Request("Kept", "Someone") with { Pages = "100" });

        var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest(book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Title = "New", Pages = "-5" }, default);

        Assert.Equal("book.pages_not_positive", edited.Error!.Code);
        db.ChangeTracker.Clear();
        var stored = await db.Books.SingleAsync();
        Assert.Equal(("Kept", 100), (stored.Title, stored.Pages!.Value));
    }

    [Fact]
    public async Task ExecuteAsync_UnknownBook_ReturnsNotFound()
    {
        await using var db = await fixture.OpenNewAsync();

        var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest("42") { Title = "X" }, default);

        Assert.Equal("book.not_found", edited.Error!.Code);
    }

    [Fact]
    public async Task ExecuteAsync_NothingToChange_ReturnsInvalid()
    {
        await using var db = await fixture.OpenNewAsync();

        var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest("1"), default);

        Assert.Equal("edit.nothing", edited.Error!.Code);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : EditBookTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : EditBookTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : EditBookTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
