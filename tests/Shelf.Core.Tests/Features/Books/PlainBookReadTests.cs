using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Loans;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Books;

/// <summary>
/// <c>show</c> reads a book and its loans with plain SQL on SQLite and PostgreSQL; these tests hold
/// it to what the LINQ read gives for a book with every field, collection and loan filled in.
/// </summary>
public abstract class PlainBookReadTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task BookAsync_EveryFieldFilled_GivesTheDetailsOfTheLinqRead()
    {
        await using var db = await fixture.OpenNewAsync();
        var id = await AddFullBookAsync(db);

        var plain = await PlainBookRead.BookAsync(db, id, default);
        var linq = await BookQueries.LinqDetailsAsync(db, id, default);

        Assert.NotNull(plain);
        Assert.Equal(JsonSerializer.Serialize(linq), JsonSerializer.Serialize(BookQueries.DetailsOf(plain)));
        Assert.Equal(DateTimeKind.Utc, plain.AddedAt.Kind);
    }

    [Fact]
    public async Task BookColumns_AreEveryColumnOfTheModelsBooksTable()
    {
        await using var db = await fixture.OpenNewAsync();
        var books = db.Model.FindEntityType(typeof(Book))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(books.GetTableName()!, books.GetSchema());

        var modelColumns = books.GetProperties().Select(p => p.GetColumnName(table)!).Order(StringComparer.Ordinal);

        Assert.Equal(modelColumns, PlainBookRead.BookColumns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BookAsync_NoSuchBook_IsNull()
    {
        await using var db = await fixture.OpenNewAsync();

        Assert.Null(await PlainBookRead.BookAsync(db, 4242, default));
    }

    [Fact]
    public async Task OpenLoansAsync_OpenAndReturnedLoans_GivesTheOpenOnesOfTheLinqRead()
    {
        await using var db = await fixture.OpenNewAsync();
        var id = await AddFullBookAsync(db);
        var today = new DateOnly(2026, 11, 20);

        var plain = await PlainBookRead.OpenLoansAsync(db, id, today, default);
        var linq = await LoanQueries.OpenOfAsync(db, id, today, default);

        Assert.Equal(2, plain.Count);
        Assert.Equal(JsonSerializer.Serialize(linq), JsonSerializer.Serialize(plain));
        Assert.Equal([true, false], plain.Select(l => l.Overdue));
    }

    private static async Task<int> AddFullBookAsync(Shelf.Core.Data.ShelfDbContext db)
    {
        var added = await BookTestData.AddAsync(db, BookTestData.Request("Cien años de soledad", "Gabriel García Márquez") with
        {
            Authors = [new AuthorCredit("Gabriel García Márquez"), new AuthorCredit("Gregory Rabassa", AuthorRole.Translator)],
            Subtitle = "Novela",
            Pages = "417",
            Isbn = "9780060883287",
            Year = "2006",
            Publisher = "Harper",
            Price = "9.99",
            Currency = "EUR",
        });
        var book = await db.Books.SingleAsync(b => b.Id == added.Id);
        book.OriginalPublicationYear = 1967;
        book.Language = "spa";
        book.Series = "Macondo";
        book.SeriesNumber = "1";
        book.Description = "<p>Generations of the Buendía family</p>";
        book.Rating = 5;
        book.Status = "read";
        book.DateStarted = new DateOnly(2024, 9, 1);
        book.DateRead = new DateOnly(2024, 10, 6);
        book.ReadCount = 2;
        book.Review = "Magic";
        book.PrivateNotes = "Signed";
        book.OwnedCopies = 2;
        book.Location = "attic";
        book.Extras = "{\"goodreads\":{\"Bookshelves\":\"classics\"}}";
        book.Tags.Add(new BookTag { Tag = new Tag { Name = "Favourites", NameKey = "favourites" } });
        book.Tags.Add(new BookTag { Tag = new Tag { Name = "Latin America", NameKey = "latin america" } });
        book.Identifiers.Add(new BookIdentifier { Scheme = "goodreads", Value = "320" });
        var anne = new Borrower { Name = "Anne Dupré", NameKey = "anne dupre", Contact = "anne@example.org" };
        var bob = new Borrower { Name = "Bob", NameKey = "bob" };
        db.Loans.AddRange(
            new Loan { BookId = book.Id, BookTitle = book.Title, Borrower = anne, LentAt = new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc).AddTicks(1230), DueOn = new DateOnly(2026, 11, 15), Note = "with the map" },
            new Loan { BookId = book.Id, BookTitle = book.Title, Borrower = bob, LentAt = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc) },
            new Loan { BookId = book.Id, BookTitle = book.Title, Borrower = bob, LentAt = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc), ReturnedAt = new DateTime(2026, 10, 9, 9, 0, 0, DateTimeKind.Utc) });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return book.Id;
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : PlainBookReadTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : PlainBookReadTests(fixture), IClassFixture<PostgresDatabaseFixture>;
}
