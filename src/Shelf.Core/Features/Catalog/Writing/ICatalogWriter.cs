namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// Stores new books in bulk, inside the import's transaction, without going row by row through
/// EF's change tracker: prepared statements on SQLite, binary COPY into a staging table and
/// set-based inserts on PostgreSQL. Authors and shelves are found or created by their keys.
/// </summary>
internal interface ICatalogWriter : IAsyncDisposable
{
    /// <summary>Prepares statements or staging tables; call once, inside the transaction.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Queues or writes a new book and returns the id it gets.</summary>
    ValueTask<int> AddAsync(CatalogRecord record, CancellationToken cancellationToken);

    /// <summary>Says how many rows the file is likely to hold, once a sample of it has been read; a writer may then prepare for a bulk load.</summary>
    Task ExpectAsync(long rows, CancellationToken cancellationToken);

    /// <summary>Makes every book added so far visible in the library's tables (to EF queries in the same transaction).</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Flushes and puts back anything the bulk load set aside (indexes), before the commit.</summary>
    Task FinishAsync(CancellationToken cancellationToken);
}
