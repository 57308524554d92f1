using Shelf.Core.Features.Catalog;

namespace Shelf.Core;

/// <summary>
/// Choices that belong to the host process, not to the core: the core never decides on its own
/// how a whole process uses memory, threads or the schema.
/// </summary>
public sealed class ShelfCoreOptions
{
    /// <summary>
    /// Migrate the library on the first open in this process (the CLI: a library is created and
    /// migrated on first use). A host that migrates at start-up, or on request, turns it off and
    /// gets <c>db.needs_migration</c> for a library whose schema lags behind.
    /// </summary>
    public bool MigrateOnOpen { get; set; } = true;

    /// <summary>What a catalog import may do to the whole process (memory, threads); by default nothing.</summary>
    public ImportOptions Import { get; set; } = ImportOptions.Default;
}
