using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Merging;

/// <summary>One credit of a book as a merge record keeps it.</summary>
internal sealed record CreditState(int AuthorId, AuthorRole Role, int Position);

/// <summary>
/// A book as a merge record keeps it: every column of its row (fields, extras, stamps), its
/// credits in order, its shelves and its identifiers' rows.
/// </summary>
internal sealed record BookState(
    Dictionary<string, JsonElement> Fields,
    List<CreditState> Credits,
    List<int> Shelves,
    List<Dictionary<string, JsonElement>> Identifiers)
{
    public int Id => Fields["id"].GetInt32();

    /// <summary>The book as stored now; null when it is gone.</summary>
    public static async Task<BookState?> LoadAsync(ShelfDbContext db, int id, CancellationToken cancellationToken)
    {
        var book = await db.Books.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (book is null)
        {
            return null;
        }

        var credits = await db.BookAuthors.Where(ba => ba.BookId == id).OrderBy(ba => ba.Position)
            .Select(ba => new CreditState(ba.AuthorId, ba.Role, ba.Position)).ToListAsync(cancellationToken);
        var shelves = await db.BookTags.Where(bt => bt.BookId == id).Select(bt => bt.TagId).OrderBy(t => t).ToListAsync(cancellationToken);
        var identifiers = await db.BookIdentifiers.AsNoTracking().Where(i => i.BookId == id).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        return new BookState(RowValues.Of(db, book), credits, shelves, [.. identifiers.Select(i => RowValues.Of(db, i))]);
    }

    /// <summary>What differs between this state and <paramref name="now"/>, by name: columns, then "credits", "shelves", "identifiers".</summary>
    public IEnumerable<string> ChangesIn(BookState now)
    {
        foreach (var column in RowValues.Differences(Fields, now.Fields))
        {
            yield return column;
        }

        if (!Credits.SequenceEqual(now.Credits))
        {
            yield return "credits";
        }

        if (!Shelves.SequenceEqual(now.Shelves))
        {
            yield return "shelves";
        }

        if (Identifiers.Count != now.Identifiers.Count || Identifiers.Zip(now.Identifiers).Any(p => RowValues.Differences(p.First, p.Second).Any()))
        {
            yield return "identifiers";
        }
    }
}

/// <summary>A loan, sale or identifier a book merge moved to the kept book: from which book, and the row as the merge left it.</summary>
internal sealed record MovedRow(string Table, long Id, int From, Dictionary<string, JsonElement> After);

/// <summary>Everything an undo of a book merge needs (<see cref="MergeRecord.Data"/>).</summary>
internal sealed record BookMergeData(BookState KeepBefore, BookState KeepAfter, List<BookState> Removed, List<MovedRow> Moved)
{
    public int Version { get; init; } = 1;
}

/// <summary>One book an author merge rewrote: its credits before and after.</summary>
internal sealed record BookCredits(int BookId, List<CreditState> Before, List<CreditState> After);

/// <summary>Everything an undo of an author merge needs (<see cref="MergeRecord.Data"/>).</summary>
internal sealed record AuthorMergeData(Dictionary<string, JsonElement> Removed, Dictionary<string, JsonElement> KeptAfter, List<BookCredits> Books)
{
    public int Version { get; init; } = 1;
}
