using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;

namespace Shelf.Core.Data;

/// <summary>
/// Runs a write use case's reads and checks twice: once outside any transaction, so a wrong
/// request fails before the write lock is asked for and every query it needs is compiled, then
/// again inside the transaction, on what is stored by then, followed by the writes. On SQLite the
/// write lock is the whole library's: compiling EF's queries while holding it kept other
/// programs waiting ~0.4 s per <c>edit</c>, and eight processes editing at once timed out. The
/// second pass costs a few warm queries; it is what makes the check true at the moment of writing.
/// </summary>
internal static class CheckThenWrite
{
    // A unique key taken by another program between our check and our insert (two edits creating
    // the same new shelf at once on PostgreSQL) is a race, not a mistake: checked again, the other
    // program's row is found and used. Three tries are plenty for people typing commands.
    private const int Attempts = 3;

    public static async Task<Result<T>> RunAsync<TChecked, T>(
        ShelfDbContext db,
        Func<CancellationToken, Task<Result<TChecked>>> check,
        Func<TChecked, CancellationToken, Task<Result<T>>> write,
        Func<Error> raced,
        CancellationToken cancellationToken)
    {
        var rehearsal = await check(cancellationToken);
        if (!rehearsal.IsSuccess)
        {
            return rehearsal.Error!;
        }

        for (var attempt = 1; ; attempt++)
        {
            // What the last pass loaded or added (a new shelf) must not leak into this one.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var current = await check(cancellationToken);
            if (!current.IsSuccess)
            {
                return current.Error!;
            }

            try
            {
                var written = await write(current.Value, cancellationToken);
                if (written.IsSuccess)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return written;
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                if (attempt == Attempts)
                {
                    return raced();
                }
            }
        }
    }
}
