using System.Data.Common;
using System.Globalization;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Loans;

namespace Shelf.Core.Features.Books;

/// <summary>
/// Reads one book with its credits, shelves and ids, and its open loans, with plain SQL: what
/// <c>shelf show</c> asks. The LINQ reads (an Include of three collections, split, and the loans'
/// projection) cost a one-shot command more to compile than to run. Values are read as the model
/// maps them (times as UTC, roles from their lower-case names). Not for MySQL, whose ADO.NET
/// reader is not known to read dates the same way: it keeps the LINQ reads.
/// </summary>
internal static class PlainBookRead
{
    /// <summary>
    /// The books columns <see cref="ReadBook"/> reads, in its order. A column added to the model must
    /// be added here too; PlainBookReadTests compares this list with the model's.
    /// </summary>
    internal static readonly string[] BookColumns =
    [
        "id", "title", "title_key", "subtitle", "pages", "isbn13", "publisher", "year_published", "original_publication_year", "language",
        "format", "series", "series_number", "description", "list_price_minor", "list_price_currency", "added_at", "updated_at", "rating",
        "status", "date_started", "date_read", "read_count", "review", "private_notes", "owned_copies", "location", "extras",
    ];

    public static bool Serves(ShelfDbContext db) => db.Provider != DatabaseProvider.MySql;

    public static async Task<Book?> BookAsync(ShelfDbContext db, int id, CancellationToken cancellationToken) =>
        await BookAsync(await PlainConnection.OfAsync(db, cancellationToken), id, cancellationToken);

    /// <summary>The book with its credits, shelves and ids, read on <paramref name="db"/>; null when no book has that id.</summary>
    public static async Task<Book?> BookAsync(PlainConnection db, int id, CancellationToken cancellationToken)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        var books = await PlainSql.ReadAsync(db, $"SELECT {string.Join(", ", BookColumns)} FROM books WHERE id = {key}", ReadBook, cancellationToken);
        if (books.Count == 0)
        {
            return null;
        }

        var book = books[0];
        book.Authors = await PlainSql.ReadAsync(
            db,
            $"SELECT ba.author_id, ba.position, ba.role, a.name FROM book_authors ba JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = {key} ORDER BY ba.position",
            r => new BookAuthor
            {
                BookId = id,
                AuthorId = r.GetInt32(0),
                Position = r.GetInt32(1),
                Role = Enum.Parse<AuthorRole>(r.GetString(2), ignoreCase: true),
                Author = new Author { Id = r.GetInt32(0), Name = r.GetString(3) },
            },
            cancellationToken);
        book.Tags = await PlainSql.ReadAsync(
            db,
            $"SELECT t.id, t.name, t.name_key FROM book_tags bt JOIN tags t ON t.id = bt.tag_id WHERE bt.book_id = {key}",
            r => new BookTag { BookId = id, TagId = r.GetInt32(0), Tag = new Tag { Id = r.GetInt32(0), Name = r.GetString(1), NameKey = r.GetString(2) } },
            cancellationToken);
        book.Identifiers = await PlainSql.ReadAsync(
            db,
            $"SELECT id, scheme, value FROM book_identifiers WHERE book_id = {key}",
            r => new BookIdentifier { Id = r.GetInt32(0), BookId = id, Scheme = r.GetString(1), Value = r.GetString(2) },
            cancellationToken);
        return book;
    }

    /// <summary>The open loans of one book, oldest first, as <see cref="LoanQueries.OpenOfAsync"/> gives them.</summary>
    public static async Task<List<LoanView>> OpenLoansAsync(ShelfDbContext db, int bookId, DateOnly today, CancellationToken cancellationToken) =>
        await OpenLoansAsync(await PlainConnection.OfAsync(db, cancellationToken), bookId, today, cancellationToken);

    /// <inheritdoc cref="OpenLoansAsync(ShelfDbContext, int, DateOnly, CancellationToken)"/>
    public static Task<List<LoanView>> OpenLoansAsync(PlainConnection db, int bookId, DateOnly today, CancellationToken cancellationToken) =>
        PlainSql.ReadAsync(
            db,
            "SELECT l.id, l.book_id, l.book_title, b.name, b.contact, l.lent_at, l.due_on, l.note FROM loans l JOIN borrowers b ON b.id = l.borrower_id "
            + $"WHERE l.book_id = {bookId.ToString(CultureInfo.InvariantCulture)} AND l.returned_at IS NULL ORDER BY l.lent_at, l.id",
            r =>
            {
                var due = DayOrNull(r, 6);
                return new LoanView
                {
                    Id = r.GetInt64(0),
                    BookId = r.GetInt32(1),
                    Title = r.GetString(2),
                    Borrower = r.GetString(3),
                    Contact = r.TextOrNull(4),
                    LentAt = Utc(r, 5),
                    DueOn = due,
                    Note = r.TextOrNull(7),
                    Overdue = due < today,
                };
            },
            cancellationToken);

    private static Book ReadBook(DbDataReader r) => new()
    {
        Id = r.GetInt32(0),
        Title = r.GetString(1),
        TitleKey = r.GetString(2),
        Subtitle = r.TextOrNull(3),
        Pages = r.IntOrNull(4),
        Isbn13 = r.TextOrNull(5),
        Publisher = r.TextOrNull(6),
        YearPublished = r.IntOrNull(7),
        OriginalPublicationYear = r.IntOrNull(8),
        Language = r.TextOrNull(9),
        Format = r.TextOrNull(10),
        Series = r.TextOrNull(11),
        SeriesNumber = r.TextOrNull(12),
        Description = r.TextOrNull(13),
        ListPriceMinor = r.IsDBNull(14) ? null : r.GetInt64(14),
        ListPriceCurrency = r.TextOrNull(15),
        AddedAt = Utc(r, 16),
        UpdatedAt = Utc(r, 17),
        Rating = r.IntOrNull(18),
        Status = r.TextOrNull(19),
        DateStarted = DayOrNull(r, 20),
        DateRead = DayOrNull(r, 21),
        ReadCount = r.GetInt32(22),
        Review = r.TextOrNull(23),
        PrivateNotes = r.TextOrNull(24),
        OwnedCopies = r.IntOrNull(25),
        Location = r.TextOrNull(26),
        Extras = r.TextOrNull(27),
    };

    // As UtcDateTimeConverter reads them back.
    private static DateTime Utc(DbDataReader r, int ordinal) => DateTime.SpecifyKind(r.GetDateTime(ordinal), DateTimeKind.Utc);

    private static DateOnly? DayOrNull(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetFieldValue<DateOnly>(ordinal);
}
