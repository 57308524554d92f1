using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Books;

/// <summary>
/// Turns a page of book ids into listing rows with index lookups: the books, then their credits.
/// Every listing first finds the ids of its page and then reads only those; projecting the credits
/// inside the paging query made SQLite materialize the whole credits join first.
/// </summary>
internal static class BookSummaries
{
    /// <summary>The books with these ids, in the order given; ids no longer in the library are skipped.</summary>
    public static async Task<List<BookSummary>> ForIdsAsync(ShelfDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        if (db.Provider == DatabaseProvider.Postgres)
        {
            return InOrder(ids, await TogetherAsync(db, ids, cancellationToken));
        }

        return await ForIdsAsync(await PlainConnection.OfAsync(db, cancellationToken), ids, cancellationToken);
    }

    /// <summary>The same with plain SQL on <paramref name="connection"/>: SQLite's and MySQL's way.</summary>
    public static async Task<List<BookSummary>> ForIdsAsync(PlainConnection connection, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        // Plain SQL: these two are the only queries of `list` and `search` for a page, and compiling
        // them through LINQ cost a one-shot command more than reading the rows. Ids are numbers, written in.
        var idList = string.Join(",", ids.Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var books = await PlainSql.ReadAsync(
            connection,
            $"SELECT id, title, pages, isbn13, year_published, original_publication_year, publisher FROM books WHERE id IN ({idList})",
            r => new { Id = r.GetInt32(0), Title = r.GetString(1), Pages = r.IntOrNull(2), Isbn13 = r.TextOrNull(3), YearPublished = r.IntOrNull(4), OriginalPublicationYear = r.IntOrNull(5), Publisher = r.TextOrNull(6) },
            cancellationToken);
        var credits = (await PlainSql.ReadAsync(
                connection,
                $"SELECT ba.book_id, a.name FROM book_authors ba JOIN authors a ON a.id = ba.author_id WHERE ba.book_id IN ({idList}) ORDER BY ba.book_id, ba.position",
                r => (BookId: r.GetInt32(0), Name: r.GetString(1)),
                cancellationToken))
            .ToLookup(c => c.BookId, c => c.Name);

        return InOrder(ids, books.Select(b => new BookSummary(b.Id, b.Title, [.. credits[b.Id]], b.Pages, b.Isbn13, b.YearPublished, b.Publisher)
        {
            OriginalPublicationYear = b.OriginalPublicationYear,
        }));
    }

    // PostgreSQL in one statement: a book's authors come as one array, read by the book's id through
    // ix_book_authors_book_id_position (the page is at most a thousand ids), so the credits cost
    // what a second lookup cost, less a round trip. The ids travel as one array parameter, so the
    // statement is the same for every page and the server keeps it prepared (a web host's case).
    // Plain SQL rather than LINQ: EF's shaper for the credits collection built delegates for every
    // row it read, a twentieth of the web host's time on a search page at 32 connections.
    private const string TogetherSql =
        """
        SELECT b.id, b.title, b.pages, b.isbn13, b.year_published, b.publisher, b.original_publication_year,
               ARRAY(SELECT a.name FROM book_authors ba JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = b.id ORDER BY ba.position)
        FROM books b
        WHERE b.id = ANY(@ids)
        """;

    private static async Task<List<BookSummary>> TogetherAsync(ShelfDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var connection = await PlainConnection.OfAsync(db, cancellationToken);
        await using var command = connection.Command(TogetherSql, ("ids", ids as int[] ?? [.. ids]));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var books = new List<BookSummary>(ids.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            books.Add(new BookSummary(reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<string[]>(7), reader.IntOrNull(2), reader.TextOrNull(3), reader.IntOrNull(4), reader.TextOrNull(5))
            {
                OriginalPublicationYear = reader.IntOrNull(6),
            });
        }

        return books;
    }

    private static List<BookSummary> InOrder(IReadOnlyList<int> ids, IEnumerable<BookSummary> books)
    {
        var byId = books.ToDictionary(b => b.Id);
        var rows = new List<BookSummary>(ids.Count);
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var book))
            {
                rows.Add(book);
            }
        }

        return rows;
    }
}
