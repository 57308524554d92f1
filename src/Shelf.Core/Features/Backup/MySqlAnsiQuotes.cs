using Shelf.Core.Data;
using Shelf.Core.Data.Bulk;

namespace Shelf.Core.Features.Backup;

/// <summary>
/// A backup's and a restore's SQL names tables and columns in the standard's double quotes
/// (<see cref="TableRows.Quote"/>), which SQLite and PostgreSQL read; MySQL reads them so only in
/// its ANSI_QUOTES mode. This turns that mode on for the connection, for the backup or restore
/// alone, and puts the session's own mode back after it: the connection goes back to the pool,
/// where EF's next command must find the mode it expects.
/// </summary>
internal sealed class MySqlAnsiQuotes : IAsyncDisposable
{
    private readonly ShelfDbContext _db;
    private readonly string _mode;

    private MySqlAnsiQuotes(ShelfDbContext db, string mode) => (_db, _mode) = (db, mode);

    /// <summary>On a MySQL library, ANSI_QUOTES on the open connection until disposed; null on the others.</summary>
    public static async Task<MySqlAnsiQuotes?> OnAsync(ShelfDbContext db, CancellationToken cancellationToken)
    {
        if (db.Provider != DatabaseProvider.MySql)
        {
            return null;
        }

        await using var read = MySqlCommands.Create(db, "SELECT @@SESSION.sql_mode");
        var quotes = new MySqlAnsiQuotes(db, await read.ExecuteScalarAsync(cancellationToken) as string ?? string.Empty);
        await quotes.SetAsync(string.Join(',', new[] { quotes._mode, "ANSI_QUOTES" }.Where(m => m.Length > 0)), cancellationToken);
        return quotes;
    }

    public async ValueTask DisposeAsync() => await SetAsync(_mode, CancellationToken.None);

    private async Task SetAsync(string mode, CancellationToken cancellationToken)
    {
        await using var set = MySqlCommands.Create(_db, "SET SESSION sql_mode = @mode");
        MySqlCommands.Add(set, "@mode", mode);
        await set.ExecuteNonQueryAsync(cancellationToken);
    }
}
