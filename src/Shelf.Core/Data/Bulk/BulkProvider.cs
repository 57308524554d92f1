namespace Shelf.Core.Data.Bulk;

/// <summary>
/// The one place a bulk writer is chosen by provider: a use case names its SQLite and its
/// PostgreSQL writer, and a third database adds its case here and a writer of its own.
/// </summary>
internal static class BulkProvider
{
    public static T Choose<T>(ShelfDbContext db, Func<ShelfDbContext, T> sqlite, Func<ShelfDbContext, T> postgres) => db.Provider switch
    {
        DatabaseProvider.Sqlite => sqlite(db),
        DatabaseProvider.Postgres => postgres(db),
        _ => throw new ArgumentOutOfRangeException(nameof(db), db.Provider, "no bulk writer for this provider"),
    };
}
