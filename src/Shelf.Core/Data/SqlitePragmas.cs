using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shelf.Core.Data;

/// <summary>
/// Per-connection SQLite settings. A busy timeout makes a second writer wait for the first
/// instead of failing with "database is locked"; synchronous=NORMAL is safe under WAL
/// (a power cut may lose the last commit, never corrupt the file) and much faster.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static SqlitePragmas Instance { get; } = new();

    internal const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
