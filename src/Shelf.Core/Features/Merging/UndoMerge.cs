using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Sales;

namespace Shelf.Core.Features.Merging;

/// <summary>What an undo put back.</summary>
public sealed record UndoneMerge(long MergeId, MergeKind Kind, int KeptId, IReadOnlyList<int> RestoredIds, DateTime UndoneAt);

/// <summary>
/// Undoes a book or author merge from its <see cref="MergeRecord"/>: the removed rows come back
/// with their ids, and what moved moves back, in one transaction. Only while nothing has been
/// written since to the kept row or to a moved row: the undo compares them with the record
/// and refuses, naming what changed, rather than lose a later edit.
/// </summary>
public sealed class UndoMerge(ShelfDbContext db)
{
    public async Task<Result<UndoneMerge>> ExecuteAsync(long mergeId, CancellationToken cancellationToken) =>
        await CheckThenWrite.RunAsync(db, ct => PlanAsync(mergeId, ct), WriteAsync, Raced, cancellationToken);

    private static Error Raced() =>
        Error.Conflict(BookErrorCodes.ConcurrentDuplicate, "another program wrote the same rows at the same moment; run the undo again");

    private async Task<Result<Plan>> PlanAsync(long mergeId, CancellationToken cancellationToken)
    {
        var record = await db.MergeRecords.SingleOrDefaultAsync(m => m.Id == mergeId, cancellationToken);
        if (record is null)
        {
            return Error.NotFound(MergeErrorCodes.NotFound, string.Create(CultureInfo.InvariantCulture, $"no merge with id {mergeId}"));
        }

        if (record.UndoneAt is { } undone)
        {
            return Error.Conflict(MergeErrorCodes.AlreadyUndone, string.Create(CultureInfo.InvariantCulture, $"merge {mergeId} was undone already, on {undone:yyyy-MM-dd HH:mm} UTC"));
        }

        if (record.Kind == MergeKind.Book)
        {
            await BookQueries.LockAsync(db, record.KeptId, cancellationToken);
            var data = MergeJson.Read<BookMergeData>(record.Data);
            var changes = await BookChangesAsync(record, data, cancellationToken);
            return changes.Count > 0 ? Changed(record, changes) : new Plan(record, data, null);
        }

        var authors = MergeJson.Read<AuthorMergeData>(record.Data);
        var authorChanges = await AuthorChangesAsync(record, authors, cancellationToken);
        return authorChanges.Count > 0 ? Changed(record, authorChanges) : new Plan(record, null, authors);
    }

    private static Error Changed(MergeRecord record, List<string> changes) => Error.Conflict(
        MergeErrorCodes.Changed,
        string.Create(CultureInfo.InvariantCulture, $"merge {record.Id} cannot be undone: {string.Join("; ", changes.Take(5))}{(changes.Count > 5 ? "; ..." : string.Empty)} since it was made"));

    /// <summary>What was written since a book merge, in words; empty when the undo may go ahead.</summary>
    private async Task<List<string>> BookChangesAsync(MergeRecord record, BookMergeData data, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        var keep = await BookState.LoadAsync(db, record.KeptId, cancellationToken);
        if (keep is null)
        {
            return [$"book {record.KeptId} was removed"];
        }

        var changed = data.KeepAfter.ChangesIn(keep).ToList();
        if (changed.Count > 0)
        {
            changes.Add($"book {record.KeptId} changed ({string.Join(", ", changed)})");
        }

        foreach (var table in data.Moved.GroupBy(r => r.Table))
        {
            var now = await MovedRows.ReadAsync(db, table.Key, [.. table.Select(r => r.Id)], cancellationToken);
            foreach (var row in table)
            {
                if (!now.TryGetValue(row.Id, out var current))
                {
                    changes.Add($"{MovedRows.Noun(row.Table)} {row.Id} was removed");
                }
                else if (RowValues.Differences(row.After, current).ToList() is { Count: > 0 } columns)
                {
                    changes.Add($"{MovedRows.Noun(row.Table)} {row.Id} changed ({string.Join(", ", columns)})");
                }
            }
        }

        var removedIds = data.Removed.Select(r => r.Id).ToList();
        foreach (var id in await db.Books.Where(b => EF.Parameter(removedIds).Contains(b.Id)).Select(b => b.Id).ToListAsync(cancellationToken))
        {
            changes.Add($"a book with id {id} was added");
        }

        // The kept book gives back what it took, so only another book can hold a removed book's ISBN now.
        var isbns = data.Removed.Select(r => r.Fields["isbn13"]).Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String).Select(e => e.GetString()!).ToList();
        foreach (var holder in await db.Books.Where(b => b.Id != record.KeptId && b.Isbn13 != null && EF.Parameter(isbns).Contains(b.Isbn13)).Select(b => new { b.Id, b.Isbn13 }).ToListAsync(cancellationToken))
        {
            changes.Add($"book {holder.Id} has the ISBN {holder.Isbn13}");
        }

        var authorIds = data.Removed.Append(data.KeepBefore).SelectMany(r => r.Credits).Select(c => c.AuthorId).Distinct().ToList();
        var missingAuthors = authorIds.Except(await db.Authors.Where(a => EF.Parameter(authorIds).Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken)).ToList();
        if (missingAuthors.Count > 0)
        {
            changes.Add($"author(s) {string.Join(", ", missingAuthors)} were removed");
        }

        var tagIds = data.Removed.Append(data.KeepBefore).SelectMany(r => r.Shelves).Distinct().ToList();
        var missingTags = tagIds.Except(await db.Tags.Where(t => EF.Parameter(tagIds).Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)).ToList();
        if (missingTags.Count > 0)
        {
            changes.Add($"shelf/shelves {string.Join(", ", missingTags)} were removed");
        }

        return changes;
    }

    /// <summary>What was written since an author merge, in words; empty when the undo may go ahead.</summary>
    private async Task<List<string>> AuthorChangesAsync(MergeRecord record, AuthorMergeData data, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        var kept = await db.Authors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == record.KeptId, cancellationToken);
        if (kept is null)
        {
            changes.Add($"author {record.KeptId} was removed");
        }
        else if (RowValues.Differences(data.KeptAfter, RowValues.Of(db, kept)).ToList() is { Count: > 0 } columns)
        {
            changes.Add($"author {record.KeptId} changed ({string.Join(", ", columns)})");
        }

        var removedId = data.Removed["id"].GetInt32();
        var removedKey = data.Removed["name_key"].GetString();
        if (await db.Authors.AnyAsync(a => a.Id == removedId || a.NameKey == removedKey, cancellationToken))
        {
            changes.Add($"an author with id {removedId} or the name {data.Removed["name"].GetString()} was added");
        }

        var bookIds = data.Books.Select(b => b.BookId).ToList();
        var stamps = await db.Books.Where(b => EF.Parameter(bookIds).Contains(b.Id)).Select(b => new { b.Id, b.UpdatedAt }).ToDictionaryAsync(b => b.Id, b => b.UpdatedAt, cancellationToken);
        var credits = (await db.BookAuthors.Where(ba => EF.Parameter(bookIds).Contains(ba.BookId)).OrderBy(ba => ba.Position)
            .Select(ba => new { ba.BookId, Credit = new CreditState(ba.AuthorId, ba.Role, ba.Position) }).ToListAsync(cancellationToken))
            .ToLookup(c => c.BookId, c => c.Credit);
        foreach (var book in data.Books)
        {
            if (!stamps.TryGetValue(book.BookId, out var stamp))
            {
                changes.Add($"book {book.BookId} was removed");
            }
            else if (stamp != record.KeptStamp || !credits[book.BookId].SequenceEqual(book.After))
            {
                changes.Add($"book {book.BookId} changed");
            }
        }

        return changes;
    }

    private async Task<Result<UndoneMerge>> WriteAsync(Plan plan, CancellationToken cancellationToken)
    {
        var now = SaleRules.Now(null);
        var restored = plan.Books is { } books
            ? await RestoreBooksAsync(plan.Record, books, cancellationToken)
            : await RestoreAuthorAsync(plan.Authors!, now, cancellationToken);
        plan.Record.UndoneAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new UndoneMerge(plan.Record.Id, plan.Record.Kind, plan.Record.KeptId, restored, now);
    }

    private async Task<List<int>> RestoreBooksAsync(MergeRecord record, BookMergeData data, CancellationToken cancellationToken)
    {
        var keepId = record.KeptId;

        // The kept book first: it gives back the fields (an ISBN among them) it took.
        var keep = await db.Books.SingleAsync(b => b.Id == keepId, cancellationToken);
        RowValues.Apply(db, keep, data.KeepBefore.Fields, "id", "updated_at");
        db.Entry(keep).Property(b => b.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(cancellationToken);
        await db.BookAuthors.Where(ba => ba.BookId == keepId).ExecuteDeleteAsync(cancellationToken);
        await db.BookTags.Where(bt => bt.BookId == keepId).ExecuteDeleteAsync(cancellationToken);
        AddLinks(data.KeepBefore);

        foreach (var removed in data.Removed)
        {
            var book = new Book();
            RowValues.Apply(db, book, removed.Fields);
            db.Books.Add(book);
            AddLinks(removed);
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var group in data.Moved.GroupBy(r => (r.Table, r.From)))
        {
            await MovedRows.MoveAsync(db, group.Key.Table, [.. group.Select(r => r.Id)], group.Key.From, cancellationToken);
        }

        return [.. data.Removed.Select(r => r.Id)];
    }

    private void AddLinks(BookState state)
    {
        var id = state.Id;
        db.BookAuthors.AddRange(state.Credits.Select(c => new BookAuthor { BookId = id, AuthorId = c.AuthorId, Role = c.Role, Position = c.Position }));
        db.BookTags.AddRange(state.Shelves.Select(t => new BookTag { BookId = id, TagId = t }));
    }

    private async Task<List<int>> RestoreAuthorAsync(AuthorMergeData data, DateTime now, CancellationToken cancellationToken)
    {
        var author = new Author();
        RowValues.Apply(db, author, data.Removed);
        db.Authors.Add(author);
        await db.SaveChangesAsync(cancellationToken);

        var bookIds = data.Books.Select(b => b.BookId).ToList();
        await db.BookAuthors.Where(ba => EF.Parameter(bookIds).Contains(ba.BookId)).ExecuteDeleteAsync(cancellationToken);
        db.BookAuthors.AddRange(data.Books.SelectMany(b => b.Before.Select(c => new BookAuthor { BookId = b.BookId, AuthorId = c.AuthorId, Role = c.Role, Position = c.Position })));
        await db.SaveChangesAsync(cancellationToken);
        await db.Books.Where(b => EF.Parameter(bookIds).Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.UpdatedAt, now), cancellationToken);
        return [author.Id];
    }

    private sealed record Plan(MergeRecord Record, BookMergeData? Books, AuthorMergeData? Authors);
}
