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
}
