using System.Data.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Search;

/// <summary>
/// For a bulk catalog import: sets the search index's triggers aside (on SQLite they are dropped;
/// on PostgreSQL this transaction, on MySQL this session, tells them to skip) and rebuilds the whole index in one pass at
/// the end, inside the import's transaction. Row by row, each book and each credit would rewrite
/// the book's index entry; one pass after the rows costs a fraction of that.
/// </summary>
internal sealed class BulkSearchIndex(DatabaseProvider provider)
{
    private bool _setAside;

    public async Task SetAsideAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (_setAside)
        {
            return;
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            foreach (var trigger in SearchIndexSql.SqliteTriggerNames)
            {
                await ExecuteAsync(connection, transaction, $"DROP TRIGGER IF EXISTS {trigger}", cancellationToken);
            }
        }
        else
        {
            await ExecuteAsync(connection, transaction, provider == DatabaseProvider.MySql ? SearchIndexSql.MySqlDefer : SearchIndexSql.PostgresDefer, cancellationToken);
        }

        _setAside = true;
    }

    /// <summary>Fills the index from every book and puts the triggers back; nothing when nothing was set aside.</summary>
    public async Task RebuildAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (!_setAside)
        {
            return;
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            await ExecuteAsync(connection, transaction, SearchIndexSql.SqliteRebuild, cancellationToken);
            foreach (var trigger in SearchIndexSql.SqliteTriggers)
            {
                await ExecuteAsync(connection, transaction, trigger, cancellationToken);
            }
        }
        else if (provider == DatabaseProvider.MySql)
        {
            foreach (var statement in SearchIndexSql.MySqlRebuild)
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken);
            }

            await ExecuteAsync(connection, transaction, SearchIndexSql.MySqlResume, cancellationToken);
        }
        else
        {
            await ExecuteAsync(connection, transaction, SearchIndexSql.PostgresRebuild + SearchIndexSql.PostgresTermsRebuild, cancellationToken);
            await ExecuteAsync(connection, transaction, SearchIndexSql.PostgresResume, cancellationToken);
        }

        _setAside = false;
    }

    /// <summary>
    /// On MySQL the setting lives in the session, not the transaction, and a pooled connection
    /// keeps its session: an import that fails between <see cref="SetAsideAsync"/> and the rebuild
    /// must turn the triggers back on before the connection serves anyone else. Nothing elsewhere.
    /// </summary>
    public async Task ResumeAfterFailureAsync(DbConnection connection)
    {
        if (_setAside && provider == DatabaseProvider.MySql && connection.State == System.Data.ConnectionState.Open)
        {
            await ExecuteAsync(connection, null, SearchIndexSql.MySqlResume, CancellationToken.None);
            _setAside = false;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
