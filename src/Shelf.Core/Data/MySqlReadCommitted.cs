using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shelf.Core.Data;

/// <summary>
/// Shelf's use cases are written for READ COMMITTED, PostgreSQL's default: a statement sees what
/// other writers committed before it began. InnoDB's default, REPEATABLE READ, keeps the snapshot
/// of a transaction's first read, so a writer that waited on another's new author row (INSERT ...
/// ON DUPLICATE KEY) then could not SELECT it. MySql.Data's BeginTransaction() names REPEATABLE
/// READ itself, so a session default would not hold: every transaction EF starts without a level
/// is started here at READ COMMITTED instead; one that asks for a level (a backup's snapshot) keeps it.
/// </summary>
internal sealed class MySqlReadCommitted : DbTransactionInterceptor
{
    public static readonly MySqlReadCommitted Instance = new();

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result) =>
        eventData.IsolationLevel == IsolationLevel.Unspecified && !result.HasResult
            ? InterceptionResult<DbTransaction>.SuppressWithResult(connection.BeginTransaction(IsolationLevel.ReadCommitted))
            : result;

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
        eventData.IsolationLevel == IsolationLevel.Unspecified && !result.HasResult
            ? InterceptionResult<DbTransaction>.SuppressWithResult(await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken))
            : result;
}
