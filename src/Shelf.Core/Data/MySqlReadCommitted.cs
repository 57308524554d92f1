using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shelf.Core.Data;

/// <summary>
/// Shelf's use cases are written for READ COMMITTED, PostgreSQL's default: a statement sees what
/// other writers committed before it began. InnoDB's default, REPEATABLE READ, keeps the snapshot
/// of a transaction's first read, so a writer that waited on another's new author row (INSERT ...
/// ON DUPLICATE KEY) then could not SELECT it. Every MySQL connection is set to READ COMMITTED as
/// it opens; a use case that wants a snapshot (a backup) still asks for one explicitly.
/// </summary>
internal sealed class MySqlReadCommitted : DbConnectionInterceptor
{
    public static readonly MySqlReadCommitted Instance = new();

    private const string Sql = "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
