using System.Globalization;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Books;

/// <summary>
/// The page of a listing with no filter, read with plain SQL: what a bare <c>shelf list</c> asks.
/// Compiling its two LINQ queries cost a one-shot command more than running them. The ORDER BY
/// clauses are those EF writes for <see cref="ListBooks.Order"/>, so each database orders (and
/// places NULLs) exactly as the LINQ listing does; the author order keeps its walk in LINQ.
/// </summary>
internal static class UnfilteredBookPage
{
    /// <summary>Whether <paramref name="request"/> is a page this class reads: no filter, a limit, any order but author.</summary>
    public static bool Serves(ListBooksRequest request) =>
        string.IsNullOrWhiteSpace(request.Author) && string.IsNullOrWhiteSpace(request.Shelf) && string.IsNullOrWhiteSpace(request.Status)
        && !request.Lent && request.Limit is not null && request.Sort != BookSort.Author;

    public static async Task<(List<int> Ids, int? Total)> ReadAsync(ShelfDbContext db, ListBooksRequest request, CancellationToken cancellationToken) =>
        await ReadAsync(await PlainConnection.OfAsync(db, cancellationToken), request, cancellationToken);

    public static async Task<(List<int> Ids, int? Total)> ReadAsync(PlainConnection db, ListBooksRequest request, CancellationToken cancellationToken)
    {
        int? total = request.CountTotal ? (int)await PlainSql.CountAsync(db, "SELECT count(*) FROM books", cancellationToken) : null;
        if (request.Limit == 0)
        {
            return ([], total);
        }

        var sql = string.Create(CultureInfo.InvariantCulture, $"SELECT id FROM books ORDER BY {OrderBy(request.Sort, request.Descending)} LIMIT {request.Limit} OFFSET {request.Offset}");
        return (await PlainSql.ReadAsync(db, sql, r => r.GetInt32(0), cancellationToken), total);
    }

    private static string OrderBy(BookSort sort, bool descending)
    {
        var columns = sort switch
        {
            BookSort.Title => new[] { "title_key", "id" },
            BookSort.Year => ["year_published", "title_key", "id"],
            BookSort.Pages => ["pages", "id"],
            BookSort.Added => ["added_at", "id"],
            _ => ["id"],
        };
        return string.Join(", ", columns.Select(c => descending ? c + " DESC" : c));
    }
}
