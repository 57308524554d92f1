namespace Shelf.Core.Data.Bulk;

/// <summary>
/// The one place a bulk writer is chosen by provider: a use case names its SQLite, PostgreSQL
/// and MySQL writer. A use case with no MySQL writer fails there with a message that says so
/// rather than writing through the wrong SQL.
/// </summary>
internal static class BulkProvider
{
    public static T Choose<T>(ShelfDbContext db, Func<ShelfDbContext, T> sqlite, Func<ShelfDbContext, T> postgres, Func<ShelfDbContext, T>? mysql = null) => db.Provider switch
    {
        DatabaseProvider.Sqlite => sqlite(db),
        DatabaseProvider.Postgres => postgres(db),
        DatabaseProvider.MySql when mysql is not null => mysql(db),
        _ => throw new NotSupportedException($"{typeof(T).Name} has no bulk writer for {db.Provider} yet"),
    };
}
