using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;

namespace Shelf.Core.Features.Books;

/// <summary>How a book is read: one mapping every read of one book shares, so add, edit and show never disagree.</summary>
internal static class BookQueries
{
    /// <summary>
    /// Details of a book in memory with its credits and their authors (and, when loaded, its
    /// shelves and ids), without a query: the one mapping add, edit and show share.
    /// </summary>
    public static BookDetails DetailsOf(Book b) => new()
    {
        Id = b.Id,
        Title = b.Title,
        Subtitle = b.Subtitle,
        Authors = [.. b.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name)],
        Credits = [.. b.Authors.OrderBy(a => a.Position).Select(a => new CreditView(a.AuthorId, a.Author.Name, a.Role))],
        Pages = b.Pages,
        Isbn13 = b.Isbn13,
        Year = b.YearPublished,
        Publisher = b.Publisher,
        OriginalPublicationYear = b.OriginalPublicationYear,
        Language = b.Language,
        Format = b.Format,
        Series = b.Series,
        SeriesNumber = b.SeriesNumber,
        Description = b.Description,
        Rating = b.Rating,
        Status = b.Status,
        DateStarted = b.DateStarted,
        DateRead = b.DateRead,
        ReadCount = b.ReadCount,
        OwnedCopies = b.OwnedCopies,
        Location = b.Location,
        ListPriceMinor = b.ListPriceMinor,
        ListPriceCurrency = b.ListPriceCurrency,
        Review = b.Review,
        PrivateNotes = b.PrivateNotes,
        Shelves = [.. b.Tags.OrderBy(t => t.Tag.NameKey, StringComparer.Ordinal).Select(t => t.Tag.Name)],
        Identifiers = [.. b.Identifiers.OrderBy(i => i.Scheme, StringComparer.Ordinal).Select(i => i.Scheme + ":" + i.Value)],
        ExtrasJson = b.Extras,
        AddedAt = b.AddedAt,
        UpdatedAt = b.UpdatedAt,
        Lines = BookFields.LinesOf(b),
    };

    /// <summary>
    /// Loads one book with its credits, shelves and ids. Split into one query per collection:
    /// projecting the collections in one query made SQLite materialize and sort the whole credits
    /// join before filtering on the id (16 s on a million books); each split query is a primary
    /// key lookup.
    /// </summary>
    public static async Task<BookDetails?> DetailsAsync(ShelfDbContext db, int id, CancellationToken cancellationToken)
    {
        if (PlainBookRead.Serves(db))
        {
            return await PlainBookRead.BookAsync(db, id, cancellationToken) is { } read ? DetailsOf(read) : null;
        }

        return await LinqDetailsAsync(db, id, cancellationToken);
    }

    /// <summary>The same with plain SQL on <paramref name="connection"/>.</summary>
    public static async Task<BookDetails?> DetailsAsync(PlainConnection connection, int id, CancellationToken cancellationToken) =>
        await PlainBookRead.BookAsync(connection, id, cancellationToken) is { } read ? DetailsOf(read) : null;

    /// <summary>The same read through EF: MySQL's, and what <see cref="PlainBookRead"/> is tested against.</summary>
    internal static async Task<BookDetails?> LinqDetailsAsync(ShelfDbContext db, int id, CancellationToken cancellationToken)
    {
        var book = await WithCollections(db).AsSplitQuery().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        return book is null ? null : DetailsOf(book);
    }

    /// <summary>Books with what <see cref="DetailsOf"/> reads: credits and their authors, shelves, ids; untracked.</summary>
    public static IQueryable<Book> WithCollections(ShelfDbContext db) => db.Books.AsNoTracking()
        .Include(b => b.Authors).ThenInclude(a => a.Author)
        .Include(b => b.Tags).ThenInclude(t => t.Tag)
        .Include(b => b.Identifiers);

    /// <summary>
    /// Makes concurrent changes to one book wait for each other inside their transactions, so two
    /// edits adding a credit each both land instead of one replacing the other's. PostgreSQL and MySQL lock
    /// the row; SQLite needs nothing more, its transactions begin IMMEDIATE and writers run one at
    /// a time. Outside a transaction (a rehearsal, see CheckThenWrite) there is nothing to hold.
    /// </summary>
    public static async Task LockAsync(ShelfDbContext db, int id, CancellationToken cancellationToken)
    {
        if (db.Provider != DatabaseProvider.Sqlite && db.Database.CurrentTransaction is not null)
        {
            await db.Database.ExecuteSqlAsync($"SELECT id FROM books WHERE id = {id} FOR UPDATE", cancellationToken);
        }
    }

    /// <summary>The id a reference names when it is a number that cannot be an ISBN (which would win, see <see cref="ResolveIdAsync(ShelfDbContext, string, CancellationToken)"/>); else null.</summary>
    public static int? PlainId(string reference)
    {
        var text = reference.Trim();
        return Isbn.TryParse(text, out _, out _) ? null : NumberOf(text);
    }

    private static int? NumberOf(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>
    /// Finds a book by what a user types to name it: an ISBN (10 or 13 digits) or a numeric id.
    /// A valid ISBN wins, since ids never grow to ten digits with a valid check digit by accident.
    /// </summary>
    /// <summary>The same with plain SQL on <paramref name="connection"/>.</summary>
    public static async Task<int?> ResolveIdAsync(PlainConnection connection, string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        if (Isbn.TryParse(text, out var isbn, out _))
        {
            await using var byIsbn = connection.Command("SELECT id FROM books WHERE isbn13 = @isbn", ("isbn", isbn.Value));
            if (await byIsbn.ExecuteScalarAsync(cancellationToken) is long found)
            {
                return (int)found;
            }
        }

        if (NumberOf(text) is { } id)
        {
            await using var byId = connection.Command("SELECT id FROM books WHERE id = @id", ("id", id));
            return await byId.ExecuteScalarAsync(cancellationToken) is long found ? (int)found : null;
        }

        return null;
    }

    public static async Task<int?> ResolveIdAsync(ShelfDbContext db, string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        if (Isbn.TryParse(text, out var isbn, out _))
        {
            var byIsbn = await db.Books.Where(b => b.Isbn13 == isbn.Value).Select(b => (int?)b.Id).SingleOrDefaultAsync(cancellationToken);
            if (byIsbn is not null)
            {
                return byIsbn;
            }
        }

        if (NumberOf(text) is { } id)
        {
            return await db.Books.Where(b => b.Id == id).Select(b => (int?)b.Id).SingleOrDefaultAsync(cancellationToken);
        }

        return null;
    }
}
