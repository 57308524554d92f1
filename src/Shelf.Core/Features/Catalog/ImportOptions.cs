namespace Shelf.Core.Features.Catalog;

/// <summary>
/// Choices an import would otherwise make for the whole process, which belong to the host: a
/// one-shot command owns its process and its cores, a web server shares them with other
/// requests. The defaults make no process-wide choice.
/// </summary>
public sealed record ImportOptions
{
    /// <summary>The defaults: nothing beyond the import's own work.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>
    /// Once every row is placed, collect the garbage at once (a blocking, compacting full
    /// collection) when the key index held more than a million keys, so its tens of megabytes go
    /// back to the system before the index rebuild and the commit, which need memory of their own.
    /// </summary>
    public bool CollectAfterMatching { get; init; }

    /// <summary>
    /// Threads SQLite may use to sort each index it builds again after a bulk load
    /// (<c>PRAGMA threads</c>); 0 leaves SQLite's setting as it is.
    /// </summary>
    public int SortThreads { get; init; }

    /// <summary>
    /// Whether a large import into a small PostgreSQL library may take the book tables for itself:
    /// lock them, set their indexes and foreign keys aside and build them again in one pass. That
    /// is the fastest way in, but every reader waits for the commit. A host whose users keep
    /// reading while an import runs (the web app) turns it off: the rows then go in with the
    /// indexes in place, slower, and readers see the library as it was until the commit.
    /// SQLite's readers never wait for a writer (WAL), so this changes nothing there.
    /// </summary>
    public bool TakeTablesOnPostgres { get; init; } = true;
}
