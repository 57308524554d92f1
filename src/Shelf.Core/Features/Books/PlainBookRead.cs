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
    public static bool Serves(ShelfDbContext db) => db.Provider != DatabaseProvider.MySql;

    public static async Task<Book?> BookAsync(ShelfDbContext db, int id, CancellationToken cancellationToken)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        var books = await PlainSql.ReadAsync(
            db,
            "SELECT id, title, title_key, subtitle, pages, isbn13, publisher, year_published, original_publication_year, language, format, series, "
            + "series_number, description, list_price_minor, list_price_currency, added_at, updated_at, rating, status, date_started, date_read, "
            + $"read_count, review, private_notes, owned_copies, location, extras FROM books WHERE id = {key}",
            ReadBook,
            cancellationToken);
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
    public static Task<List<LoanView>> OpenLoansAsync(ShelfDbContext db, int bookId, DateOnly today, CancellationToken cancellationToken) =>
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
                    Contact = TextOrNull(r, 4),
                    LentAt = Utc(r, 5),
                    DueOn = due,
                    Note = TextOrNull(r, 7),
                    Overdue = due < today,
                };
            },
            cancellationToken);

    private static Book ReadBook(DbDataReader r) => new()
    {
        Id = r.GetInt32(0),
        Title = r.GetString(1),
        TitleKey = r.GetString(2),
        Subtitle = TextOrNull(r, 3),
        Pages = NumberOrNull(r, 4),
        Isbn13 = TextOrNull(r, 5),
        Publisher = TextOrNull(r, 6),
        YearPublished = NumberOrNull(r, 7),
        OriginalPublicationYear = NumberOrNull(r, 8),
        Language = TextOrNull(r, 9),
        Format = TextOrNull(r, 10),
        Series = TextOrNull(r, 11),
        SeriesNumber = TextOrNull(r, 12),
        Description = TextOrNull(r, 13),
        ListPriceMinor = r.IsDBNull(14) ? null : r.GetInt64(14),
        ListPriceCurrency = TextOrNull(r, 15),
        AddedAt = Utc(r, 16),
        UpdatedAt = Utc(r, 17),
        Rating = NumberOrNull(r, 18),
        Status = TextOrNull(r, 19),
        DateStarted = DayOrNull(r, 20),
        DateRead = DayOrNull(r, 21),
        ReadCount = r.GetInt32(22),
        Review = TextOrNull(r, 23),
        PrivateNotes = TextOrNull(r, 24),
        OwnedCopies = NumberOrNull(r, 25),
        Location = TextOrNull(r, 26),
        Extras = TextOrNull(r, 27),
    };

    // As UtcDateTimeConverter reads them back.
    private static DateTime Utc(DbDataReader r, int ordinal) => DateTime.SpecifyKind(r.GetDateTime(ordinal), DateTimeKind.Utc);

    private static DateOnly? DayOrNull(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetFieldValue<DateOnly>(ordinal);

    private static int? NumberOrNull(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt32(ordinal);

    private static string? TextOrNull(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
