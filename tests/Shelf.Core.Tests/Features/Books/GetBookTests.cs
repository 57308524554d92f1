using System.Globalization;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Loans;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Books;

/// <summary>
/// One book's details on each database: every collection it has (credits, shelves, ids, open
/// loans), the same on all three engines, and what reading them costs in round trips.
/// </summary>
public abstract class GetBookTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ExecuteAsync_ABookWithEveryCollection_ShowsEachOnceInItsOrder()
    {
        await using var db = await fixture.OpenNewAsync();
        var id = await AddFullBookAsync(db);

        var book = (await new GetBook(db).ExecuteAsync(Id(id), default)).Value!;

        Assert.Equal(("Cien años de soledad", "Una novela", 417, "9780060883287"), (book.Title, book.Subtitle, book.Pages, book.Isbn13));
        Assert.Equal(["Gabriel García Márquez", "Gregory Rabassa", "Édith Grossman"], book.Authors);
        Assert.Equal([AuthorRole.Author, AuthorRole.Translator, AuthorRole.Editor], book.Credits.Select(c => c.Role));
        Assert.Equal(["classics", "magic realism", "to-read"], book.Shelves);
        Assert.Equal(["goodreads:320", "librarything:5064"], book.Identifiers);
        Assert.Equal(["Anne Dupré", "Bob Marley"], book.Loans.Select(l => l.Borrower));
        Assert.Equal(("On loan", $"Anne Dupré since {Today:yyyy-MM-dd}; Bob Marley since {Today:yyyy-MM-dd}"), (book.Lines[^1].Label, book.Lines[^1].Value));
        Assert.Single(book.Lines, l => l.Label == "On loan");
    }

    [Fact]
    public async Task ExecuteAsync_ById_CostsOneRoundTripOnPostgres()
    {
        await using var db = await fixture.OpenNewAsync();
        var id = await AddFullBookAsync(db);

        using var commands = new CommandCounter(db);
        var found = await new GetBook(db).ExecuteAsync(Id(id), default);

        Assert.True(found.IsSuccess);

        // PostgreSQL reads the book, its collections and its open loans in one statement; MySQL
        // reads each collection with a primary-key lookup of its own (see BookQueries); SQLite reads
        // with plain SQL on the connection (PlainBookRead), so EF runs no command at all.
        var expected = fixture.Provider switch
        {
            DatabaseProvider.Postgres => 1,
            DatabaseProvider.MySql => 5,
            _ => 0,
        };
        Assert.Equal(expected, commands.Count);
    }

    [Fact]
    public async Task ExecuteAsync_NoSuchId_IsNotFound()
    {
        await using var db = await fixture.OpenNewAsync();

        var found = await new GetBook(db).ExecuteAsync("424242", default);

        Assert.Equal(BookErrorCodes.NotFound, found.Error?.Code);
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    // Two people and three shelves and two ids and two open loans (and a returned one): a single
    // query that joined them all would see each row many times over.
    private static async Task<int> AddFullBookAsync(ShelfDbContext db)
    {
        var added = await BookTestData.AddAsync(db, new AddBookRequest("Cien años de soledad", [new("Gabriel García Márquez"), new("Gregory Rabassa", AuthorRole.Translator), new("Édith Grossman", AuthorRole.Editor)])
        {
            Subtitle = "Una novela",
            Pages = "417",
            Isbn = "978-0-06-088328-7",
        });
        var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest(Id(added.Id)) { AddShelves = ["to-read", "classics", "magic realism"], OwnedCopies = "3" }, default);
        Assert.True(edited.IsSuccess, edited.Error?.Message);
        db.BookIdentifiers.AddRange(new BookIdentifier { BookId = added.Id, Scheme = "librarything", Value = "5064" }, new BookIdentifier { BookId = added.Id, Scheme = "goodreads", Value = "320" });
        await db.SaveChangesAsync();
        foreach (var borrower in new[] { "Carla Returned", "Anne Dupré", "Bob Marley" })
        {
            var lent = await new LendBook(db, TimeProvider.System).ExecuteAsync(new LendBookRequest(Id(added.Id), borrower), default);
            Assert.True(lent.IsSuccess, lent.Error?.Message);
        }

        var returned = await new ReturnBook(db, TimeProvider.System).ExecuteAsync(new ReturnBookRequest(Id(added.Id)) { Borrower = "Carla Returned" }, default);
        Assert.True(returned.IsSuccess, returned.Error?.Message);
        db.ChangeTracker.Clear();
        return added.Id;
    }

    public sealed class Sqlite(SqliteDatabaseFixture db) : GetBookTests(db), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture db) : GetBookTests(db), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture db) : GetBookTests(db), IClassFixture<MySqlDatabaseFixture>;
}
