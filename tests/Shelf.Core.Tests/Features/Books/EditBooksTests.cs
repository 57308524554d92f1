using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Books;

public abstract class EditBooksTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_FieldsAndShelves_EveryMatchingBookChangesAndNoOther()
    {
        await using var db = await fixture.OpenNewAsync();
        var (colour, mort, emma) = await ThreeBooksAsync(db);

        var changed = await new EditBooks(db).ExecuteAsync(
            new EditBooksRequest("author:pratchett", new EditBookRequest(string.Empty) { Status = "read", Location = "attic", AddShelves = ["discworld"], RemoveShelves = ["to-sort"] }),
            default);

        Assert.True(changed.IsSuccess, changed.Error?.Message);
        Assert.Equal(2, changed.Value.Count);
        Assert.Equal([colour, mort], changed.Value.Ids);
        Assert.False(changed.Value.DryRun);
        db.ChangeTracker.Clear();
        var books = await db.Books.Include(b => b.Tags).ThenInclude(t => t.Tag).OrderBy(b => b.Id).ToListAsync();
        Assert.Equal(["read", "read", null], books.Select(b => b.Status));
        Assert.Equal(["attic", "attic", null], books.Select(b => b.Location));
        Assert.Equal(["discworld", "discworld", "to-sort"], books.Select(b => string.Join(",", b.Tags.Select(t => t.Tag.Name).Order())));
        Assert.Equal(emma, books[2].Id);
    }

    [Fact]
    public async Task ExecuteAsync_AddAuthor_AppendedWhereMissingAndLeftWhereThere()
    {
        await using var db = await fixture.OpenNewAsync();
        await ThreeBooksAsync(db);

        var changed = await new EditBooks(db).ExecuteAsync(
            new EditBooksRequest("shelf:to-sort", new EditBookRequest(string.Empty) { AddAuthors = [new AuthorCredit("Neil Gaiman")] }),
            default);

        Assert.True(changed.IsSuccess, changed.Error?.Message);
        db.ChangeTracker.Clear();
        var credits = await db.Books.OrderBy(b => b.Id)
            .Select(b => string.Join(", ", b.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name)))
            .ToListAsync();
        Assert.Equal(["Terry Pratchett, Neil Gaiman", "Terry Pratchett, Neil Gaiman", "Jane Austen, Neil Gaiman"], credits);
    }

    [Fact]
    public async Task ExecuteAsync_DryRun_ListsTheBooksAndChangesNothing()
    {
        await using var db = await fixture.OpenNewAsync();
        await ThreeBooksAsync(db);
        var before = await db.RowsAsync("SELECT id, status, location FROM books ORDER BY id");

        var changed = await new EditBooks(db).ExecuteAsync(new EditBooksRequest("pratchett", new EditBookRequest(string.Empty) { Status = "read" }) { DryRun = true }, default);

        Assert.True(changed.Value.DryRun);
        Assert.Equal(["The Colour of Magic", "Mort"], changed.Value.Listed!.Select(b => b.Title));
        Assert.Equal(before, await db.RowsAsync("SELECT id, status, location FROM books ORDER BY id"));
    }

    [Fact]
    public async Task ExecuteAsync_OneBookRefusesAValue_NoBookChanges()
    {
        await using var db = await fixture.OpenNewAsync();
        await ThreeBooksAsync(db);
        var before = await db.RowsAsync("SELECT id, title, status, pages FROM books ORDER BY id");

        var badRating = await new EditBooks(db).ExecuteAsync(new EditBooksRequest("shelf:to-sort", new EditBookRequest(string.Empty) { Status = "read", Rating = "7" }), default);
        var sameIsbn = await new EditBooks(db).ExecuteAsync(new EditBooksRequest("shelf:to-sort", new EditBookRequest(string.Empty) { Isbn = "9780552137034" }), default);
        var noAuthorLeft = await new EditBooks(db).ExecuteAsync(new EditBooksRequest("shelf:to-sort", new EditBookRequest(string.Empty) { Status = "read", RemoveAuthors = ["Terry Pratchett"] }), default);

        Assert.Equal(BookErrorCodes.RatingInvalid, badRating.Error!.Code);
        Assert.Equal(BookErrorCodes.BulkIsbn, sameIsbn.Error!.Code);
        Assert.Equal(BookErrorCodes.NoAuthor, noAuthorLeft.Error!.Code);
        db.ChangeTracker.Clear();
        Assert.Equal(before, await db.RowsAsync("SELECT id, title, status, pages FROM books ORDER BY id"));
    }

    [Theory]
    [InlineData("", BookErrorCodes.SearchEmpty)]
    [InlineData("year:abc", BookErrorCodes.SearchSyntax)]
    [InlineData("\"unclosed", BookErrorCodes.SearchSyntax)]
    public async Task ExecuteAsync_BadQuery_InvalidAndNothingChanges(string where, string code)
    {
        await using var db = await fixture.OpenNewAsync();
        await ThreeBooksAsync(db);

        var changed = await new EditBooks(db).ExecuteAsync(new EditBooksRequest(where, new EditBookRequest(string.Empty) { Status = "read" }), default);

        Assert.Equal(code, changed.Error!.Code);
        Assert.Equal(0, await db.Books.CountAsync(b => b.Status == "read"));
    }

    [Fact]
    public async Task ExecuteAsync_NothingToChange_Invalid()
    {
        await using var db = await fixture.OpenNewAsync();

        var changed = await new EditBooks(db).ExecuteAsync(new EditBooksRequest("pratchett", new EditBookRequest(string.Empty)), default);

        Assert.Equal(BookErrorCodes.EditNothing, changed.Error!.Code);
    }

    [Fact]
    public async Task ExecuteAsync_ManyBooks_AllChangeInBatches()
    {
        await using var db = await fixture.OpenNewAsync();
        for (var i = 0; i < 1_200; i++)
        {
            db.Books.Add(new Shelf.Core.Domain.Book { Title = $"Book {i}", TitleKey = $"book {i}" });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var changed = await new EditBooks(db).ExecuteAsync(new EditBooksRequest("title:book", new EditBookRequest(string.Empty) { Location = "box 3", AddShelves = ["boxed"] }), default);

        Assert.Equal(1_200, changed.Value.Count);
        Assert.Equal(1_200, await db.Books.CountAsync(b => b.Location == "box 3"));
        Assert.Equal(1_200, await db.BookTags.CountAsync());
        Assert.Equal(1, await db.Tags.CountAsync());
    }

    [Fact]
    public async Task RemoveBooks_Matching_RemovesThemKeepsAuthorsAndOthers()
    {
        await using var db = await fixture.OpenNewAsync();
        var (_, _, emma) = await ThreeBooksAsync(db);

        var dry = await new RemoveBooks(db).ExecuteAsync(new RemoveBooksRequest("author:pratchett") { DryRun = true }, default);
        Assert.Equal(3, await db.Books.CountAsync());
        var removed = await new RemoveBooks(db).ExecuteAsync(new RemoveBooksRequest("author:pratchett"), default);

        Assert.Equal(2, dry.Value.Count);
        Assert.Equal(2, removed.Value.Count);
        Assert.Equal([emma], await db.Books.Select(b => b.Id).ToListAsync());
        Assert.Equal(2, await db.Authors.CountAsync());
        Assert.Empty(await new Shelf.Core.Features.Search.SearchBooks(db).ExecuteAsync(new("pratchett"), default) is { IsSuccess: true } found ? found.Value : throw new InvalidOperationException());
    }

    private static async Task<(int Colour, int Mort, int Emma)> ThreeBooksAsync(ShelfDbContext db)
    {
        var colour = await BookTestData.AddAsync(db, "The Colour of Magic", "Terry Pratchett");
        var mort = await BookTestData.AddAsync(db, "Mort", "Terry Pratchett");
        var emma = await BookTestData.AddAsync(db, "Emma", "Jane Austen");
        foreach (var id in new[] { colour.Id, mort.Id, emma.Id })
        {
            var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { AddShelves = ["to-sort"] }, default);
            Assert.True(edited.IsSuccess, edited.Error?.Message);
        }

        db.ChangeTracker.Clear();
        return (colour.Id, mort.Id, emma.Id);
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : EditBooksTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : EditBooksTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : EditBooksTests(fixture), IClassFixture<MySqlDatabaseFixture>;

}
