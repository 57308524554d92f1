using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Catalog.Export;

namespace Shelf.Core.Features.Catalog;

/// <summary>The formats <c>shelf export</c> writes.</summary>
public enum ExportFormat
{
    /// <summary>Shelf's own CSV: everything, and it imports back.</summary>
    Csv,

    /// <summary>One JSON object per book, with everything.</summary>
    Json,

    /// <summary>The Goodreads export layout, for tools that read Goodreads files.</summary>
    Goodreads,
}

/// <summary>How many books an export wrote.</summary>
public sealed record ExportSummary(int Books);

/// <summary>
/// Writes the whole library to a stream in id order, a page of books at a time, so memory
/// stays flat whatever the library's size.
/// </summary>
public sealed class ExportCatalog(ShelfDbContext db)
{
    private const int PageSize = 1000;

    public async Task<Result<ExportSummary>> ExecuteAsync(ExportFormat format, Stream output, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        await using ICatalogExporter exporter = format switch
        {
            ExportFormat.Csv => new ShelfCsvExporter(output),
            ExportFormat.Json => new JsonExporter(output),
            ExportFormat.Goodreads => new GoodreadsCsvExporter(output),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
        };

        // One read snapshot: a writer running meanwhile never shows half its changes in the file.
        await using var transaction = await BeginSnapshotAsync(cancellationToken);
        await exporter.BeginAsync(cancellationToken);
        var written = 0;
        var after = 0;
        while (true)
        {
            var page = await db.Books.AsNoTracking()
                .Where(b => b.Id > after)
                .OrderBy(b => b.Id)
                .Take(PageSize)
                .Include(b => b.Authors).ThenInclude(a => a.Author)
                .Include(b => b.Tags).ThenInclude(t => t.Tag)
                .Include(b => b.Identifiers)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            // A page's loans in one query: few books are lent, and Book has no navigation to them.
            var ids = page.Select(b => b.Id).ToList();
            var loans = (await db.Loans.AsNoTracking().Include(l => l.Borrower)
                .Where(l => l.BookId != null && EF.Parameter(ids).Contains(l.BookId.Value))
                .OrderBy(l => l.LentAt).ThenBy(l => l.Id)
                .ToListAsync(cancellationToken)).ToLookup(l => l.BookId!.Value);
            foreach (var book in page)
            {
                await exporter.WriteAsync(book, [.. loans[book.Id]], cancellationToken);
            }

            written += page.Count;
            after = page[^1].Id;
            progress?.Report(written);
        }

        await exporter.EndAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ExportSummary(written);
    }

    // SQLite: a deferred transaction reads one snapshot without taking the write lock, so other
    // writers are not held up while a large library is written out. PostgreSQL: REPEATABLE READ.
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginSnapshotAsync(CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var sqlite = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
            return await db.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), cancellationToken)
                ?? throw new InvalidOperationException("EF did not take the SQLite transaction");
        }

        return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
    }
}
