using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Authors;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Merging;
using Shelf.Core.Tests.Features.Books;
using Shelf.Core.Tests.Features.Catalog;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Authors;

/// <summary>
/// Each author's <c>book_count</c> is kept by the database (AuthorBookCountSql): after every kind
/// of write — Shelf's use cases, a bulk import, another program's SQL — it equals the number of
/// distinct books the person is credited on, counted afresh from the credits.
/// </summary>
public abstract class AuthorBookCountTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Writes_EveryKind_KeepEachCountEqualToTheCredits()
    {
        await using var db = await fixture.OpenNewAsync();
        var emma = await BookTestData.AddAsync(db, "Emma", "Jane Austen");
        await BookTestData.AddAsync(db, "Persuasion", "Jane Austen", "Ann Editor");
        // Author and illustrator of one book: one book.
        var picture = await BookTestData.AddAsync(db, new AddBookRequest("Picture Book", [new("Ann Both"), new("Ann Both", AuthorRole.Illustrator)]));
        Assert.Equal([("Jane Austen", 2), ("Ann Both", 1), ("Ann Editor", 1)], await CountsAsync(db));

        // Edit: a credit replaced, and one role of two taken away.
        await EditAsync(db, new EditBookRequest(Id(emma)) { Authors = [new AuthorCredit("Ann Editor")] });
        await EditAsync(db, new EditBookRequest(Id(picture)) { Authors = [new AuthorCredit("Ann Both")] });
        Assert.Equal([("Ann Editor", 2), ("Jane Austen", 1), ("Ann Both", 1)], await CountsAsync(db));

        // Rename changes no count; merge moves the books, once each where both were credited.
        Assert.True((await new RenameAuthor(db).ExecuteAsync("Ann Both", "Bea Both", default)).IsSuccess);
        var merged = await new MergeAuthors(db).ExecuteAsync("Jane Austen", "Ann Editor", default);
        Assert.True(merged.IsSuccess, merged.Error?.Message);
        db.ChangeTracker.Clear();
        Assert.Equal([("Ann Editor", 2), ("Bea Both", 1)], await CountsAsync(db));

        // Undoing the merge gives the person back their book.
        Assert.True((await new UndoMerge(db).ExecuteAsync(merged.Value.MergeId, default)).IsSuccess);
        db.ChangeTracker.Clear();
        Assert.Equal([("Ann Editor", 2), ("Jane Austen", 1), ("Bea Both", 1)], await CountsAsync(db));

        // Removing a book takes it from each of its people (on MySQL the credits go by cascade, which fires no trigger).
        Assert.True((await new RemoveBook(db).ExecuteAsync(Id(emma), default)).IsSuccess);
        db.ChangeTracker.Clear();
        Assert.Equal([("Jane Austen", 1), ("Bea Both", 1), ("Ann Editor", 1)], await CountsAsync(db));
        await AssertCountsMatchCreditsAsync(db);
    }

    [Fact]
    public async Task AnotherProgramsSql_CreditsWrittenDirectly_CountsFollow()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = await BookTestData.AddAsync(db, "Shared", "Ann First");
        var other = await BookTestData.AddAsync(db, "Other", "Bob Second");
        var ann = await db.Authors.Where(a => a.Name == "Ann First").Select(a => a.Id).SingleAsync();
        var bob = await db.Authors.Where(a => a.Name == "Bob Second").Select(a => a.Id).SingleAsync();

        // Two credits of one person on one book in one statement: one book.
        await db.ExecuteAsync(
            "INSERT INTO book_authors (book_id, author_id, role, position) VALUES (@book, @bob, 'editor', 1), (@book, @bob, 'translator', 2)",
            ("book", book.Id), ("bob", bob));
        Assert.Equal([("Bob Second", 2), ("Ann First", 1)], await CountsAsync(db));

        // One of the two roles removed: still the book; both: not.
        await db.ExecuteAsync("DELETE FROM book_authors WHERE book_id = @book AND author_id = @bob AND role = 'editor'", ("book", book.Id), ("bob", bob));
        Assert.Equal([("Bob Second", 2), ("Ann First", 1)], await CountsAsync(db));
        await db.ExecuteAsync("DELETE FROM book_authors WHERE book_id = @book AND author_id = @bob", ("book", book.Id), ("bob", bob));
        Assert.Equal([("Ann First", 1), ("Bob Second", 1)], await CountsAsync(db));

        // A credit moved to another person and to another book.
        await db.ExecuteAsync("UPDATE book_authors SET author_id = @bob WHERE book_id = @book", ("book", book.Id), ("bob", bob));
        Assert.Equal([("Bob Second", 2), ("Ann First", 0)], await CountsAsync(db));
        await db.ExecuteAsync("UPDATE book_authors SET author_id = @ann WHERE book_id = @other", ("other", other.Id), ("ann", ann));
        Assert.Equal([("Ann First", 1), ("Bob Second", 1)], await CountsAsync(db));

        // A book deleted directly.
        await db.ExecuteAsync("DELETE FROM books WHERE id = @book", ("book", book.Id));
        Assert.Equal([("Ann First", 1), ("Bob Second", 0)], await CountsAsync(db));
        await AssertCountsMatchCreditsAsync(db);
    }

    [Fact]
    public async Task Import_CoAuthorsAndALongTail_CountsFollowEveryRow()
    {
        // Below the bulk rule's size the triggers count row by row (BulkLoadTests covers the bulk recount).
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "Before The Import", "Ann Writer");
        const int rows = 300;
        var csv = new StringBuilder("book_id,goodreads_book_id,authors,original_publication_year,title,isbn,isbn13\n");
        for (var i = 1; i <= rows; i++)
        {
            // Ann on every book, Bob co-author of every third, Cy of one.
            var authors = i % 3 == 0 ? "Ann Writer, Bob Writer" : i == 7 ? "Ann Writer, Cy Writer" : "Ann Writer";
            csv.Append(CultureInfo.InvariantCulture, $"{i},{i + 1_000_000},\"{authors}\",2001.0,Book {i},,\n");
        }

        var summary = await CatalogImports.ImportTextAsync(db, csv.ToString());

        Assert.Equal(rows, summary.Added);
        Assert.Equal([("Ann Writer", rows + 1), ("Bob Writer", rows / 3), ("Cy Writer", 1)], await CountsAsync(db));
        await AssertCountsMatchCreditsAsync(db);
    }

    [Fact]
    public async Task ListAuthors_ByBookCount_ReadsThePageInCountOrder()
    {
        await using var db = await fixture.OpenNewAsync();
        await BookTestData.AddAsync(db, "One", "Cy Three", "Ann One");
        await BookTestData.AddAsync(db, "Two", "Cy Three", "Bob Two");
        await BookTestData.AddAsync(db, "Three", "Cy Three", "Bob Two");

        var page = await new ListAuthors(db).ExecuteAsync(new ListAuthorsRequest { ByBookCount = true, Offset = 1, Limit = 2 }, default);

        Assert.Equal([("Bob Two", 2), ("Ann One", 1)], page.Value!.Authors.Select(a => (a.Name, a.BookCount)));
    }

    /// <summary>Every author with a count the credits do not give, counted afresh: none.</summary>
    private static async Task AssertCountsMatchCreditsAsync(ShelfDbContext db)
    {
        // A person's first credit on each book, counted (MariaDB refuses EF's DISTINCT count here).
        var wrong = await db.Authors.AsNoTracking()
            .Where(a => a.BookCount != a.Books.Count(b => !a.Books.Any(o => o.BookId == b.BookId && o.Position < b.Position)))
            .Select(a => a.Name)
            .ToListAsync();
        Assert.Empty(wrong);
    }

    private static async Task<List<(string Name, int Count)>> CountsAsync(ShelfDbContext db) =>
        (await db.Authors.AsNoTracking().OrderByDescending(a => a.BookCount).ThenBy(a => a.SortName).Select(a => new { a.Name, a.BookCount }).ToListAsync())
        .Select(a => (a.Name, a.BookCount)).ToList();

    private static async Task EditAsync(ShelfDbContext db, EditBookRequest request)
    {
        var edited = await new EditBook(db).ExecuteAsync(request, default);
        Assert.True(edited.IsSuccess, edited.Error?.Message);
        db.ChangeTracker.Clear();
    }

    private static string Id(BookDetails book) => book.Id.ToString(CultureInfo.InvariantCulture);

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : AuthorBookCountTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : AuthorBookCountTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : AuthorBookCountTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
