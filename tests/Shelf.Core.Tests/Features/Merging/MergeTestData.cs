using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Loans;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Merging;

/// <summary>Books with shelves, ids, extras, loans and sales, made through the real use cases; and the whole library as rows.</summary>
internal static class MergeTestData
{
    /// <summary>Adds a book (a duplicate is allowed) by the first author, then others, on shelves.</summary>
    public static async Task<int> AddAsync(ShelfDbContext db, string title, string[] authors, params string[] shelves)
    {
        var added = await new AddBook(db).ExecuteAsync(
            new AddBookRequest(title, [.. authors.Select(a => new AuthorCredit(a))]) { AllowDuplicate = true },
            CancellationToken.None);
        Assert.True(added.IsSuccess, added.Error?.Message);
        if (shelves.Length > 0)
        {
            var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest(Id(added.Value.Id)) { AddShelves = shelves }, CancellationToken.None);
            Assert.True(edited.IsSuccess, edited.Error?.Message);
        }

        return added.Value.Id;
    }

    public static async Task IdentifierAsync(ShelfDbContext db, int bookId, string scheme, string value)
    {
        db.BookIdentifiers.Add(new BookIdentifier { BookId = bookId, Scheme = scheme, Value = value });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    public static async Task LendAsync(ShelfDbContext db, int bookId, string borrower)
    {
        var lent = await new LendBook(db, TimeProvider.System).ExecuteAsync(new LendBookRequest(Id(bookId), borrower), CancellationToken.None);
        Assert.True(lent.IsSuccess, lent.Error?.Message);
    }

    public static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Every row a merge touches, table by table; the books without their update stamp, which
    /// an undo moves on (it writes them).
    /// </summary>
    public static async Task<List<string>> LibraryAsync(ShelfDbContext db)
    {
        var rows = new List<string>();
        foreach (var sql in new[]
        {
            """
            SELECT id, title, title_key, subtitle, isbn13, publisher, year_published, pages, series, series_number,
                   rating, status, read_count, owned_copies, location, extras, added_at FROM books ORDER BY id
            """,
            "SELECT book_id, author_id, role, position FROM book_authors ORDER BY book_id, position",
            "SELECT id, name, sort_name, name_key FROM authors ORDER BY id",
            "SELECT book_id, tag_id FROM book_tags ORDER BY book_id, tag_id",
            "SELECT id, book_id, scheme, value FROM book_identifiers ORDER BY id",
            "SELECT id, book_id, book_title, borrower_id, lent_at, due_on, returned_at FROM loans ORDER BY id",
            "SELECT id, order_number, book_id, quantity, total_minor FROM sales ORDER BY id",
        })
        {
            rows.Add("--");
            rows.AddRange(await db.RowsAsync(sql));
        }

        return rows;
    }

    public static Task<int> MergeRecordCountAsync(ShelfDbContext db) => db.MergeRecords.CountAsync();
}
