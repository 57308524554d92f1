using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Authors;

/// <summary>What a merge did.</summary>
public sealed record MergedAuthors(AuthorSummary Into, string RemovedName, int BooksMoved);

/// <summary>
/// Makes two author rows one person: every credit of <c>from</c> moves to <c>into</c>, keeping
/// its place in each book's order, and <c>from</c> is deleted; all in one transaction.
/// </summary>
public sealed class MergeAuthors(ShelfDbContext db)
{
    public async Task<Result<MergedAuthors>> ExecuteAsync(string fromReference, string intoReference, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
        var intoId = into.Value.Id;
        var bookIds = await db.BookAuthors.Where(ba => ba.AuthorId == fromId).Select(ba => ba.BookId).Distinct().ToListAsync(cancellationToken);
        var links = await db.BookAuthors.Where(ba => bookIds.Contains(ba.BookId)).OrderBy(ba => ba.BookId).ThenBy(ba => ba.Position).ToListAsync(cancellationToken);

        // The author id is part of the link's key, so links are rewritten: delete, then insert the merged order.
        var merged = links
            .GroupBy(ba => ba.BookId)
            .SelectMany(book => Renumber(book, fromId, intoId))
            .ToList();
        db.BookAuthors.RemoveRange(links);
        await db.SaveChangesAsync(cancellationToken);
        db.BookAuthors.AddRange(merged);
        db.Authors.Remove(from.Value);
        await db.SaveChangesAsync(cancellationToken);
        await db.Books.Where(b => bookIds.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.UpdatedAt, DateTime.UtcNow), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var count = await db.BookAuthors.Where(ba => ba.AuthorId == intoId).Select(ba => ba.BookId).Distinct().CountAsync(cancellationToken);
        return new MergedAuthors(new AuthorSummary(intoId, into.Value.Name, into.Value.SortName, count), from.Value.Name, bookIds.Count);
    }

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
}
