using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Search;

namespace Shelf.Core.Features.Books;

/// <summary>
/// One edit for every book a search matches (<see cref="Where"/>, the language of
/// <see cref="SearchBooks"/>). <see cref="Changes"/> holds the fields as for one book; its
/// reference is not used. <see cref="DryRun"/> only finds the books.
/// </summary>
public sealed record EditBooksRequest(string Where, EditBookRequest Changes)
{
    public bool DryRun { get; init; }
}

/// <summary>
/// The books a bulk change matched, by id: all of them changed, unless it was a dry run, which
/// also lists them (<see cref="Listed"/>, null otherwise: a real run over a large library need not load them).
/// </summary>
public sealed record BulkChange(int Count, IReadOnlyList<int> Ids, IReadOnlyList<BookSummary>? Listed)
{
    public bool DryRun => Listed is not null;

    /// <summary>How many of the books are out on loan now (a removal's dry run counts them, so the question can say so).</summary>
    public int OnLoan { get; init; }
}

/// <summary>
/// Applies one edit to every book a search matches, in one transaction: the query is run again
/// inside it, so the books changed are the ones that match at that moment, and the first book
/// that refuses a value rolls every change back. Each book goes through the same checks as
/// <see cref="EditBook"/>; taking books off a shelf or a person they lack, or adding one they
/// have, leaves those books as they are. Books are loaded a batch at a time so memory stays flat.
/// </summary>
public sealed class EditBooks(ShelfDbContext db)
{
    private const int Batch = 500;

    public async Task<Result<BulkChange>> ExecuteAsync(EditBooksRequest request, CancellationToken cancellationToken)
    {
        if (request.Changes.ChangesNothing)
        {
            return Error.Invalid(BookErrorCodes.EditNothing, "nothing to change; give at least one field to set");
        }

        var rehearsal = await BulkMatches.RehearseAsync(db, request.Where, request.DryRun, cancellationToken);
        if (!rehearsal.IsSuccess || rehearsal.Value is not null)
        {
            return rehearsal.IsSuccess ? rehearsal.Value! : rehearsal.Error!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await BulkMatches.CurrentAsync(db, request.Where, cancellationToken);
        if (ids.Count > 1 && !string.IsNullOrWhiteSpace(request.Changes.Isbn))
        {
            return Error.Invalid(BookErrorCodes.BulkIsbn, $"an ISBN belongs to one book and the search matches {ids.Count}; set it book by book");
        }

        var edits = new BookEdits(db, bulk: true);
        foreach (var chunk in ids.Chunk(Batch))
        {
            db.ChangeTracker.Clear();
            if (db.Provider == DatabaseProvider.Postgres)
            {
                // As EditBook locks its book, so a concurrent edit of one of these waits rather than interleaves.
                await db.Database.ExecuteSqlAsync($"SELECT id FROM books WHERE id = ANY({chunk}) FOR UPDATE", cancellationToken);
            }
            else if (db.Provider == DatabaseProvider.MySql)
            {
                // MySQL has no arrays: one parameter per id.
                var list = string.Join(", ", chunk.Select((_, i) => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
                var locking = FormattableStringFactory.Create("SELECT id FROM books WHERE id IN (" + list + ") FOR UPDATE", [.. chunk.Cast<object>()]);
                await db.Database.ExecuteSqlAsync(locking, cancellationToken);
            }

            var books = await db.Books
                .Include(b => b.Authors.OrderBy(a => a.Position)).ThenInclude(a => a.Author)
                .Include(b => b.Tags).ThenInclude(t => t.Tag)
                .AsSplitQuery()
                .Where(b => EF.Parameter(chunk).Contains(b.Id))
                .OrderBy(b => b.Id)
                .ToListAsync(cancellationToken);
            foreach (var book in books)
            {
                var credits = await edits.ApplyAsync(book, request.Changes, cancellationToken);
                if (!credits.IsSuccess)
                {
                    return credits.Error!;
                }

                if (credits.Value is { } replaced)
                {
                    await new BookInserter(db).ReplaceCreditsAsync(book, replaced, cancellationToken);
                    book.UpdatedAt = DateTime.UtcNow;
                    db.Entry(book).State = EntityState.Modified;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new BulkChange(ids.Count, ids, null);
    }
}
