using System.Text.Json;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Sales;

namespace Shelf.Core.Features.Merging;

/// <summary>Books to merge: the one to keep, the others in the order their values are preferred, and fields to take from a named book ("publisher=15").</summary>
public sealed record MergeBooksRequest(string Keep, IReadOnlyList<string> Others)
{
    public IReadOnlyList<string> Take { get; init; } = [];
}

/// <summary>What a merge did; <see cref="MergeId"/> names it for an undo.</summary>
public sealed record MergedBooks(
    long MergeId,
    BookSummary Kept,
    IReadOnlyList<int> RemovedIds,
    IReadOnlyList<string> FieldsTaken,
    int CreditsAdded,
    int ShelvesAdded,
    int IdentifiersMoved,
    int LoansMoved,
    int SalesMoved);

/// <summary>
/// Merges books into one, in one transaction: the kept book gains the others' credits (after
/// its own, in order, without repeats), shelves, identifiers, extras, loans and sales; a field
/// it lacks comes from the first other book that has it, and a part named in the request's
/// takes comes from the book named. The others are removed, and a <see cref="MergeRecord"/>
/// keeps all of them so <see cref="UndoMerge"/> can put them back.
/// </summary>
public sealed class MergeBooks(ShelfDbContext db)
{
    public async Task<Result<MergedBooks>> ExecuteAsync(MergeBooksRequest request, CancellationToken cancellationToken)
    {
        var merged = await CheckThenWrite.RunAsync(db, ct => PlanAsync(request, ct), WriteAsync, Raced, cancellationToken);
        if (!merged.IsSuccess)
        {
            return merged.Error!;
        }

        var (record, plan) = merged.Value;
        var kept = (await BookSummaries.ForIdsAsync(db, [plan.Keep.Id], cancellationToken))[0];
        return new MergedBooks(
            record.Id,
            kept,
            [.. plan.Others.Select(o => o.Id)],
            plan.Taken,
            plan.NewCredits.Count,
            plan.NewShelves.Count,
            plan.Moved[MovedRows.Identifiers].Count,
            plan.Moved[MovedRows.Loans].Count,
            plan.Moved[MovedRows.Sales].Count);
    }

    private static Error Raced() =>
        Error.Conflict(BookErrorCodes.ConcurrentDuplicate, "another program changed one of these books at the same moment; run the merge again");

    private async Task<Result<Plan>> PlanAsync(MergeBooksRequest request, CancellationToken cancellationToken)
    {
        if (request.Others.Count == 0)
        {
            return Error.Invalid(MergeErrorCodes.NothingToMerge, $"name the book to keep and at least one book to merge into it, not '{UserText.Shorten(request.Keep)}' alone");
        }

        var keepId = await BookQueries.ResolveIdAsync(db, request.Keep, cancellationToken);
        if (keepId is null)
        {
            return BookErrors.NotFound(request.Keep);
        }

        var otherIds = new List<int>();
        foreach (var reference in request.Others)
        {
            var id = await BookQueries.ResolveIdAsync(db, reference, cancellationToken);
            if (id is null)
            {
                return BookErrors.NotFound(reference);
            }

            if (id == keepId)
            {
                return Error.Invalid(MergeErrorCodes.KeepRepeated, $"'{UserText.Shorten(reference)}' is the book to keep (id {keepId}); name it once, first, and the books to merge into it after");
            }

            if (otherIds.Contains(id.Value))
            {
                return Error.Invalid(MergeErrorCodes.Repeated, $"'{UserText.Shorten(reference)}' names book {id} a second time; name each book once");
            }

            otherIds.Add(id.Value);
        }

        var takes = ParseTakes(request.Take, [keepId.Value, .. otherIds]);
        if (!takes.IsSuccess)
        {
            return takes.Error!;
        }

        await BookQueries.LockAsync(db, keepId.Value, cancellationToken);
        foreach (var id in otherIds)
        {
            await BookQueries.LockAsync(db, id, cancellationToken);
        }

        var keep = await db.Books.SingleOrDefaultAsync(b => b.Id == keepId, cancellationToken);
        var othersFound = await db.Books.AsNoTracking().Where(b => EF.Parameter(otherIds).Contains(b.Id)).ToListAsync(cancellationToken);
        if (keep is null || othersFound.Count != otherIds.Count)
        {
            var gone = keep is null ? request.Keep : request.Others[otherIds.FindIndex(id => othersFound.All(o => o.Id != id))];
            return BookErrors.NotFound(gone);
        }

        var others = otherIds.Select(id => othersFound.Single(o => o.Id == id)).ToList();
        var keepBefore = (await BookState.LoadAsync(db, keep.Id, cancellationToken))!;
        var removed = new List<BookState>();
        foreach (var other in others)
        {
            removed.Add((await BookState.LoadAsync(db, other.Id, cancellationToken))!);
        }

        var taken = FillFields(keep, others, takes.Value);
        var newCredits = JoinCredits(keepBefore, removed);
        var newShelves = removed.SelectMany(r => r.Shelves).Distinct().Except(keepBefore.Shelves).ToList();
        var moved = new Dictionary<string, List<(long Id, int From)>>(StringComparer.Ordinal);
        foreach (var table in MovedRows.Tables)
        {
            moved[table] = await MovedRows.OnBooksAsync(db, table, otherIds, cancellationToken);
        }

        // The loan limit holds on the merged book too: refuse here, naming the borrowers, rather than let the trigger refuse.
        var allIds = otherIds.Append(keep.Id).ToList();
        var open = await db.Loans.Where(l => l.ReturnedAt == null && l.BookId != null && EF.Parameter(allIds).Contains(l.BookId.Value))
            .OrderBy(l => l.LentAt).Select(l => l.Borrower.Name).ToListAsync(cancellationToken);
        var copies = Math.Max(keep.OwnedCopies ?? 1, 1);
        if (open.Count > copies)
        {
            return Error.Conflict(
                MergeErrorCodes.TooManyLoans,
                string.Create(CultureInfo.InvariantCulture, $"the merged book would be out to {open.Count} borrowers ({string.Join(", ", open)}) but has {copies} cop{(copies == 1 ? "y" : "ies")}; record more copies owned on book {keep.Id}, or take them from a book that has them"));
        }

        return new Plan(keep, others, keepBefore, removed, taken, newCredits, newShelves, moved);
    }

    private static Result<Dictionary<MergePart, int>> ParseTakes(IReadOnlyList<string> takes, List<int> ids)
    {
        var parsed = new Dictionary<MergePart, int>();
        foreach (var take in takes)
        {
            var equals = take.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return Error.Invalid(MergeErrorCodes.TakeSyntax, $"'{UserText.Shorten(take)}' should be FIELD=ID, such as publisher={ids[^1]}");
            }

            var name = take[..equals];
            if (MergeFields.Find(name) is not { } part)
            {
                return Error.Invalid(MergeErrorCodes.TakeField, $"'{UserText.Shorten(name)}' is not a field a merge can take; use one of {MergeFields.Names}");
            }

            var book = take[(equals + 1)..].Trim();
            if (!int.TryParse(book, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !ids.Contains(id))
            {
                return Error.Invalid(MergeErrorCodes.TakeBook, $"'{UserText.Shorten(book)}' is not one of the books merged; take {part.Name} from one of {string.Join(", ", ids)}");
            }

            parsed[part] = id;
        }

        return parsed;
    }

    /// <summary>Copies into the kept book what it lacks (or what was asked for); returns the names of the parts it took.</summary>
    private List<string> FillFields(Book keep, List<Book> others, Dictionary<MergePart, int> takes)
    {
        var books = others.Prepend(keep).ToList();
        var keepEntry = db.Entry(keep);
        var properties = keepEntry.Metadata.GetProperties().ToDictionary(p => p.GetColumnName(), p => p.Name, StringComparer.Ordinal);
        var taken = new List<string>();
        foreach (var part in MergeFields.Parts)
        {
            Book? source = takes.TryGetValue(part, out var id)
                ? books.Single(b => b.Id == id)
                : part.Name == MergeFields.Extras || !IsEmpty(keep, part, properties) ? null : others.FirstOrDefault(o => !IsEmpty(o, part, properties));
            if (source is null || source == keep)
            {
                continue;
            }

            var sourceEntry = db.Entry(source);
            foreach (var column in part.Columns)
            {
                keepEntry.Property(properties[column]).CurrentValue = sourceEntry.Property(properties[column]).CurrentValue;
            }

            taken.Add(part.Name);
        }

        if (!takes.Keys.Any(p => p.Name == MergeFields.Extras))
        {
            var extras = BookExtras.Parse(keep.Extras);
            foreach (var other in others)
            {
                foreach (var (source, name, value) in BookExtras.Parse(other.Extras).All)
                {
                    if (extras.Get(source, name) is null)
                    {
                        extras.Add(source, name, value);
                    }
                }
            }

            var joined = extras.ToJson();
            if (joined != keep.Extras && !(joined is null && string.IsNullOrEmpty(keep.Extras)))
            {
                keep.Extras = joined;
                taken.Add(MergeFields.Extras);
            }
        }

        return taken;
    }

    private bool IsEmpty(Book book, MergePart part, Dictionary<string, string> properties)
    {
        var entry = db.Entry(book);
        return part.Columns.All(column => entry.Property(properties[column]).CurrentValue switch
        {
            null => true,
            string text => text.Length == 0,
            0 when column == MergeFields.ReadCount => true,
            _ => false,
        });
    }

    // The kept book's credits stay first, in their order; each other book's follow, in theirs, without a person's role twice.
    private static List<CreditState> JoinCredits(BookState keep, List<BookState> removed)
    {
        var seen = keep.Credits.Select(c => (c.AuthorId, c.Role)).ToHashSet();
        var position = keep.Credits.Count == 0 ? 0 : keep.Credits.Max(c => c.Position) + 1;
        var added = new List<CreditState>();
        foreach (var credit in removed.SelectMany(r => r.Credits.OrderBy(c => c.Position)))
        {
            if (seen.Add((credit.AuthorId, credit.Role)))
            {
                added.Add(credit with { Position = position++ });
            }
        }

        return added;
    }

    private async Task<Result<(MergeRecord, Plan)>> WriteAsync(Plan plan, CancellationToken cancellationToken)
    {
        var keepId = plan.Keep.Id;
        var otherIds = plan.Others.Select(o => o.Id).ToList();

        // The kept book may take an ISBN from a book about to go; it must be free first.
        await db.Books.Where(b => EF.Parameter(otherIds).Contains(b.Id) && b.Isbn13 != null).ExecuteUpdateAsync(s => s.SetProperty(b => b.Isbn13, (string?)null), cancellationToken);

        // Written even when no field changed: the stamp is what tells an undo nothing came after.
        db.Entry(plan.Keep).Property(b => b.UpdatedAt).IsModified = true;
        db.BookAuthors.AddRange(plan.NewCredits.Select(c => new BookAuthor { BookId = keepId, AuthorId = c.AuthorId, Role = c.Role, Position = c.Position }));
        db.BookTags.AddRange(plan.NewShelves.Select(t => new BookTag { BookId = keepId, TagId = t }));
        await db.SaveChangesAsync(cancellationToken);

        // Moved before the others go: removing a book would cascade its identifiers and unlink its loans and sales.
        foreach (var (table, rows) in plan.Moved)
        {
            await MovedRows.MoveAsync(db, table, [.. rows.Select(r => r.Id)], keepId, cancellationToken);
        }

        await db.Books.Where(b => EF.Parameter(otherIds).Contains(b.Id)).ExecuteDeleteAsync(cancellationToken);

        var keepAfter = (await BookState.LoadAsync(db, keepId, cancellationToken))!;
        var moved = new List<MovedRow>();
        foreach (var (table, rows) in plan.Moved)
        {
            var now = await MovedRows.ReadAsync(db, table, [.. rows.Select(r => r.Id)], cancellationToken);
            moved.AddRange(rows.Select(r => new MovedRow(table, r.Id, r.From, now[r.Id])));
        }

        var record = new MergeRecord
        {
            Kind = MergeKind.Book,
            KeptId = keepId,
            KeptName = plan.Keep.Title,
            RemovedIds = string.Join(',', otherIds.Select(id => id.ToString(CultureInfo.InvariantCulture))),
            MergedAt = SaleRules.Now(null),
            KeptStamp = keepAfter.Fields["updated_at"].Deserialize<DateTime>(MergeJson.Options).ToUniversalTime(),
            Data = MergeJson.Write(new BookMergeData(plan.KeepBefore, keepAfter, plan.Removed, moved)),
        };
        db.MergeRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (record, plan);
    }

    private sealed record Plan(
        Book Keep,
        List<Book> Others,
        BookState KeepBefore,
        List<BookState> Removed,
        List<string> Taken,
        List<CreditState> NewCredits,
        List<int> NewShelves,
        Dictionary<string, List<(long Id, int From)>> Moved);
}
