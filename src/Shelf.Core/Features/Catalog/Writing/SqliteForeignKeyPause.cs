using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// Turns SQLite's foreign-key enforcement off for a large import into an empty library, and back
/// on after it. Enforced row by row, SQLite looks up the book and the author of each of the
/// million credits and ids, a third of the import's time; <see cref="SqliteCatalogWriter"/> sees
/// the pause and checks every reference in one pass (<c>PRAGMA foreign_key_check</c>) before the
/// commit instead, so the rows that land are checked all the same. Only for an empty library:
/// the import then deletes nothing, so no cascade is skipped, and the check covers only its rows.
/// The pragma only changes outside a transaction, so this happens before the import's begins.
/// </summary>
internal sealed class SqliteForeignKeyPause : IAsyncDisposable
{
    /// <summary>About 20,000 rows of the smallest catalogs (the bulk-load threshold); bigger files pay for the pause.</summary>
    private const long MinimumBytes = 1_000_000;

    private readonly ShelfDbContext _db;

    private SqliteForeignKeyPause(ShelfDbContext db) => _db = db;

    /// <summary>Pauses enforcement when the library is SQLite and empty and the file is large; null otherwise.</summary>
    public static async Task<SqliteForeignKeyPause?> ForImportAsync(ShelfDbContext db, long? fileBytes, CancellationToken cancellationToken)
    {
        if (db.Provider != DatabaseProvider.Sqlite || fileBytes is not >= MinimumBytes)
        {
            return null;
        }

        // Keeps the connection (and so the pragma) from closing between here and the import's transaction.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT NOT EXISTS (SELECT 1 FROM books)";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            await db.Database.CloseConnectionAsync();
            return null;
        }

        command.CommandText = "PRAGMA foreign_keys = OFF";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new SqliteForeignKeyPause(db);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var command = _db.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = "PRAGMA foreign_keys = ON";
            await command.ExecuteNonQueryAsync();
        }

        await _db.Database.CloseConnectionAsync();
    }
}
