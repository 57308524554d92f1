using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Merging;

/// <summary>The rows a book merge moves to the kept book, by table: how a merge records them and an undo checks and moves them back.</summary>
internal static class MovedRows
{
    public const string Identifiers = "book_identifiers";
    public const string Loans = "loans";
    public const string Sales = "sales";

    public static readonly string[] Tables = [Identifiers, Loans, Sales];

    /// <summary>"loan 5": how a changed row is named.</summary>
    public static string Noun(string table) => table switch { Loans => "loan", Sales => "sale", _ => "identifier" };

    /// <summary>The ids of a table's rows on these books, with the book each is on.</summary>
    public static async Task<List<(long Id, int From)>> OnBooksAsync(ShelfDbContext db, string table, List<int> bookIds, CancellationToken cancellationToken) => table switch
    {
        Identifiers => [.. (await db.BookIdentifiers.Where(i => EF.Parameter(bookIds).Contains(i.BookId)).OrderBy(i => i.Id).Select(i => new { i.Id, i.BookId }).ToListAsync(cancellationToken)).Select(r => ((long)r.Id, r.BookId))],
        Loans => [.. (await db.Loans.Where(l => l.BookId != null && EF.Parameter(bookIds).Contains(l.BookId.Value)).OrderBy(l => l.Id).Select(l => new { l.Id, l.BookId }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.BookId!.Value))],
        _ => [.. (await db.Sales.Where(s => s.BookId != null && EF.Parameter(bookIds).Contains(s.BookId.Value)).OrderBy(s => s.Id).Select(s => new { s.Id, s.BookId }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.BookId!.Value))],
    };

    /// <summary>The rows with these ids as they are now, whole; an id missing from the answer is a row that is gone.</summary>
    public static async Task<Dictionary<long, Dictionary<string, JsonElement>>> ReadAsync(ShelfDbContext db, string table, List<long> ids, CancellationToken cancellationToken)
    {
        var intIds = ids.Select(id => (int)id).ToList();
        IEnumerable<(long Id, object Row)> rows = table switch
        {
            Identifiers => (await db.BookIdentifiers.AsNoTracking().Where(i => EF.Parameter(intIds).Contains(i.Id)).ToListAsync(cancellationToken)).Select(i => ((long)i.Id, (object)i)),
            Loans => (await db.Loans.AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.Id)).ToListAsync(cancellationToken)).Select(l => (l.Id, (object)l)),
            _ => (await db.Sales.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.Id)).ToListAsync(cancellationToken)).Select(s => (s.Id, (object)s)),
        };
        return rows.ToDictionary(r => r.Id, r => RowValues.Of(db, r.Row));
    }

    /// <summary>Puts the rows with these ids on <paramref name="bookId"/>.</summary>
    public static Task<int> MoveAsync(ShelfDbContext db, string table, List<long> ids, int bookId, CancellationToken cancellationToken)
    {
        var intIds = ids.Select(id => (int)id).ToList();
        return table switch
        {
            Identifiers => db.BookIdentifiers.Where(i => EF.Parameter(intIds).Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.BookId, bookId), cancellationToken),
            Loans => db.Loans.Where(l => EF.Parameter(ids).Contains(l.Id)).ExecuteUpdateAsync(s => s.SetProperty(l => l.BookId, bookId), cancellationToken),
            _ => db.Sales.Where(x => EF.Parameter(ids).Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.BookId, bookId), cancellationToken),
        };
    }
}
