using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Authors;
using Shelf.Core.Features.Books;
using Shelf.Core.Tests.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Authors;

/// <summary>ListAuthors, GetAuthor, RenameAuthor and MergeAuthors on both databases.</summary>
public abstract class AuthorTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ListAuthors_ByBookCount_CountsEachBookOnce()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "Emma", "Jane Austen");
        await BookTestData.AddAsync(db, "Persuasion", "Jane Austen");
        await BookTestData.AddAsync(db, new AddBookRequest("Picture Book", [new("Ann Both"), new("Ann Both", AuthorRole.Illustrator)]));

        var authors = await new ListAuthors(db).ExecuteAsync(new ListAuthorsRequest { ByBookCount = true }, default);

        Assert.Equal([("Jane Austen", 2), ("Ann Both", 1)], authors.Value!.Authors.Select(a => (a.Name, a.BookCount)));
    }

    [Fact]
    public async Task ListAuthors_PageWithTotal_SkipsTakesAndCountsEveryMatch()
    {
        await using var db = await fixture.OpenNewAsync();
        foreach (var name in new[] { "Ann Alpha", "Bea Beta", "Cid Gamma", "Dee Delta" })
        {
            await BookTestData.AddAsync(db, $"Book by {name}", name);
        }

        var page = await new ListAuthors(db).ExecuteAsync(new ListAuthorsRequest { Offset = 1, Limit = 2, CountTotal = true }, default);

        Assert.Equal(["Bea Beta", "Dee Delta"], page.Value!.Authors.Select(a => a.Name));
        Assert.Equal(4, page.Value.Total);
    }

    [Theory]
    [InlineData("Gabriel Garcia Marquez")]
    [InlineData("García Márquez, Gabriel")]
    [InlineData("GABRIEL GARCÍA MÁRQUEZ")]
    public async Task GetAuthor_ByAnySpellingOfTheName_ReturnsTheAuthorAndBooks(string reference)
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "Cien años de soledad", "Gabriel García Márquez");

        var author = await new GetAuthor(db).ExecuteAsync(reference, default);

        Assert.Equal("Gabriel García Márquez", author.Value.Name);
        Assert.Equal(["Cien años de soledad"], author.Value.Books.Select(b => b.Title));
    }

    [Fact]
    public async Task GetAuthor_PartOfAName_ReturnsNotFoundWithSuggestions()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "The Hobbit", "J.R.R. Tolkien");

        var author = await new GetAuthor(db).ExecuteAsync("Tolkien", default);

        Assert.Equal(ErrorKind.NotFound, author.Error!.Kind);
        Assert.Contains("J.R.R. Tolkien", author.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenameAuthor_NewSpelling_ChangesEveryForm()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "A Wizard of Earthsea", "Ursula Le Guin");

        var renamed = await new RenameAuthor(db).ExecuteAsync("Ursula Le Guin", "Le Guin, Ursula K.", default);

        Assert.Equal("Ursula K. Le Guin", renamed.Value.Name);
        db.ChangeTracker.Clear();
        var stored = await db.Authors.SingleAsync();
        Assert.Equal(("Le Guin, Ursula K.", "ursula k le guin"), (stored.SortName, stored.NameKey));
    }

    [Fact]
    public async Task RenameAuthor_OntoAnotherAuthorsName_ReturnsConflictSuggestingMerge()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "A", "Ursula Le Guin");
        await BookTestData.AddAsync(db, "B", "Ursula K. Le Guin");

        var renamed = await new RenameAuthor(db).ExecuteAsync("Ursula Le Guin", "Ursula K. Le Guin", default);

        Assert.Equal("author.name_taken", renamed.Error!.Code);
        Assert.Contains("merge", renamed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await db.Authors.CountAsync());
    }

    [Fact]
    public async Task MergeAuthors_MovesEveryCreditKeepingPlaceAndDeletesTheOther()
    {
        await using var db = await fixture.OpenNewAsync();
        var solo = await BookTestData.AddAsync(db, "Solo", "Ursula Le Guin");
        var shared = await BookTestData.AddAsync(db, "Shared", "Ann First", "Ursula Le Guin", "Cy Third");
        var both = await BookTestData.AddAsync(db, "Both", "Ursula K. Le Guin", "Ursula Le Guin");

        var merged = await new MergeAuthors(db).ExecuteAsync("Ursula Le Guin", "Ursula K. Le Guin", default);

        Assert.True(merged.IsSuccess, merged.Error?.Message);
        Assert.Equal(3, merged.Value.BooksMoved);
        Assert.Equal(3, merged.Value.Into.BookCount);
        db.ChangeTracker.Clear();
        Assert.Null(await db.Authors.SingleOrDefaultAsync(a => a.Name == "Ursula Le Guin"));
        Assert.Equal(["Ursula K. Le Guin"], (await BookDetailsAsync(db, solo.Id)).Authors);
        Assert.Equal(["Ann First", "Ursula K. Le Guin", "Cy Third"], (await BookDetailsAsync(db, shared.Id)).Authors);
        Assert.Equal(["Ursula K. Le Guin"], (await BookDetailsAsync(db, both.Id)).Authors);
    }

    [Fact]
    public async Task MergeAuthors_SameAuthorTwice_ReturnsInvalid()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "A", "Kate Quinn");

        var merged = await new MergeAuthors(db).ExecuteAsync("Kate Quinn", "Quinn, Kate", default);

        Assert.Equal("author.merge_self", merged.Error!.Code);
    }

    [Fact]
    public async Task MergeAuthors_UnknownAuthor_ReturnsNotFoundAndChangesNothing()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "A", "Kate Quinn");

        var merged = await new MergeAuthors(db).ExecuteAsync("Kate Quinn", "Nobody Here", default);

        Assert.Equal(ErrorKind.NotFound, merged.Error!.Kind);
        Assert.Equal(1, await db.BookAuthors.CountAsync());
    }

    private static async Task<BookDetails> BookDetailsAsync(Shelf.Core.Data.ShelfDbContext db, int id) =>
        (await new GetBook(db).ExecuteAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), default)).Value;

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : AuthorTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : AuthorTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : AuthorTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
