using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Merging;
using Shelf.Core.Features.Sales;

namespace Shelf.Core.Features.Authors;

/// <summary>What a merge did.</summary>
public sealed record MergedAuthors(AuthorSummary Into, string RemovedName, int BooksMoved)
{
    /// <summary>The merge record that can undo it (<c>UndoMerge</c>).</summary>
    public long MergeId { get; init; }
}

/// <summary>
/// Makes two author rows one person: every credit of <c>from</c> moves to <c>into</c>, keeping
/// its place in each book's order, and <c>from</c> is deleted; all in one transaction.
/// </summary>
public sealed class MergeAuthors(ShelfDbContext db)
{
    public async Task<Result<MergedAuthors>> ExecuteAsync(string fromReference, string intoReference, CancellationToken cancellationToken)
    {
        var merged = await CheckThenWrite.RunAsync(db, ct => PlanAsync(fromReference, intoReference, ct), WriteAsync, Raced, cancellationToken);
        if (!merged.IsSuccess)
        {
            return merged.Error!;
        }

        var (from, into, bookIds, _) = merged.Value.Merge;
        var count = await db.BookAuthors.Where(ba => ba.AuthorId == into.Id).Select(ba => ba.BookId).Distinct().CountAsync(cancellationToken);
        return new MergedAuthors(new AuthorSummary(into.Id, into.Name, into.SortName, count), from.Name, bookIds.Count) { MergeId = merged.Value.Record.Id };
    }

    // Credits are unique per book, person and role; another program crediting the same person at the same moment is the only way to collide.
    private static Error Raced() =>
        Error.Conflict(BookErrorCodes.ConcurrentDuplicate, "another program changed the same book or author at the same moment; run the command again");

    /// <summary>The two people and every credit of the books that name the first: what the merge rewrites.</summary>
    private async Task<Result<Merge>> PlanAsync(string fromReference, string intoReference, CancellationToken cancellationToken)
    {
        var from = await AuthorLookup.FindAsync(db, fromReference, cancellationToken);
        var into = await AuthorLookup.FindAsync(db, intoReference, cancellationToken);
        if (Error.FirstOf(from.Error, into.Error) is { } notFound)
        {
            return notFound;
        }

        if (from.Value.Id == into.Value.Id)
        {
            return Error.Invalid(AuthorErrorCodes.MergeSelf, $"'{fromReference}' and '{intoReference}' are the same author ({from.Value.Name}); nothing to merge");
        }

        var fromId = from.Value.Id;
        var bookIds = await db.BookAuthors.Where(ba => ba.AuthorId == fromId).Select(ba => ba.BookId).Distinct().ToListAsync(cancellationToken);
        var links = await db.BookAuthors.Where(ba => bookIds.Contains(ba.BookId)).OrderBy(ba => ba.BookId).ThenBy(ba => ba.Position).ToListAsync(cancellationToken);
        return new Merge(from.Value, into.Value, bookIds, links);
    }

    private async Task<Result<(Merge Merge, MergeRecord Record)>> WriteAsync(Merge merge, CancellationToken cancellationToken)
    {
        var (from, into, bookIds, links) = merge;
        var removed = RowValues.Of(db, from);
        var before = links.GroupBy(ba => ba.BookId).ToDictionary(g => g.Key, g => g.Select(Credit).ToList());

        // The author id is part of the link's key, so links are rewritten: delete, then insert the merged order.
        var merged = links
            .GroupBy(ba => ba.BookId)
            .SelectMany(book => Renumber(book, from.Id, into.Id))
            .ToList();
        db.BookAuthors.RemoveRange(links);
        await db.SaveChangesAsync(cancellationToken);
        db.BookAuthors.AddRange(merged);
        db.Authors.Remove(from);
        await db.SaveChangesAsync(cancellationToken);

        // One stamp, cut to what every database keeps, so an undo can tell that no book was written since.
        var stamp = SaleRules.Now(null);
        await db.Books.Where(b => bookIds.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.UpdatedAt, stamp), cancellationToken);
        var after = merged.ToLookup(ba => ba.BookId, Credit);
        var record = new MergeRecord
        {
            Kind = MergeKind.Author,
            KeptId = into.Id,
            KeptName = into.Name,
            RemovedIds = from.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MergedAt = stamp,
            KeptStamp = stamp,
            Data = MergeJson.Write(new AuthorMergeData(removed, RowValues.Of(db, into), [.. before.Select(b => new BookCredits(b.Key, b.Value, [.. after[b.Key]]))])),
        };
        db.MergeRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (merge, record);
    }

    private static CreditState Credit(BookAuthor credit) => new(credit.AuthorId, credit.Role, credit.Position);

    // A book crediting both people in the same role keeps one credit, at the earlier place.
    private static IEnumerable<BookAuthor> Renumber(IEnumerable<BookAuthor> credits, int fromId, int intoId)
    {
        var seen = new HashSet<(int, AuthorRole)>();
        var position = 0;
        foreach (var credit in credits)
        {
            var authorId = credit.AuthorId == fromId ? intoId : credit.AuthorId;
            if (seen.Add((authorId, credit.Role)))
            {
                yield return new BookAuthor { BookId = credit.BookId, AuthorId = authorId, Role = credit.Role, Position = position++ };
            }
        }
    }

    private sealed record Merge(Author From, Author Into, List<int> BookIds, List<BookAuthor> Links);
}
