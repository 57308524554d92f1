using Microsoft.Extensions.DependencyInjection;
using Shelf.Core;
using Shelf.Core.Data;

namespace Shelf.Testing;

/// <summary>The core composed as a host composes it (<c>AddShelfCore</c>), for tests that open libraries themselves.</summary>
public static class TestLibrary
{
    /// <summary>
    /// The opener of the library at <paramref name="target"/>, from a provider of its own: each
    /// call starts as a new process would, so its first open checks the schema again.
    /// </summary>
    public static ShelfDatabase Database(DatabaseTarget target, Action<ShelfCoreOptions>? configure = null) =>
        new ServiceCollection().AddShelfCore(target, configure).BuildServiceProvider().GetRequiredService<ShelfDatabase>();

    /// <summary>A context that has not touched the database (for model and schema checks).</summary>
    public static ShelfDbContext CreateContext(DatabaseTarget target) => new ShelfDbContextFactory(target).CreateDbContext();
}
