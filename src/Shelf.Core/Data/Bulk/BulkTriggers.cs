using System.Data.Common;
using Shelf.Core.Features.Authors;
using Shelf.Core.Features.Search;

namespace Shelf.Core.Data.Bulk;

/// <summary>
/// For a bulk catalog import or a restore: sets aside the triggers that keep data derived from the
/// books (the search index, <see cref="SearchIndexSql"/>; each author's book count,
/// <see cref="AuthorBookCountSql"/>) — on SQLite they are dropped, on PostgreSQL this transaction
/// and on MySQL this session tells them to skip — and rebuilds both in one pass at the end, inside
/// the import's transaction. Row by row, each book and each credit would rewrite the book's index
/// entry and its people's counts; one pass after the rows costs a fraction of that.
/// </summary>
internal sealed class BulkTriggers(DatabaseProvider provider)
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
            foreach (var trigger in SearchIndexSql.SqliteTriggerNames.Concat(AuthorBookCountSql.SqliteTriggerNames))
            {
                await ExecuteAsync(connection, transaction, $"DROP TRIGGER IF EXISTS {trigger}", cancellationToken);
            }
        }
        else
        {
            var defer = provider == DatabaseProvider.MySql
                ? $"{SearchIndexSql.MySqlDefer}; {AuthorBookCountSql.MySqlDefer}"
                : $"{SearchIndexSql.PostgresDefer}; {AuthorBookCountSql.PostgresDefer}";
            await ExecuteAsync(connection, transaction, defer, cancellationToken);
        }

        _setAside = true;
    }

    /// <summary>Fills the index from every book, recounts every author, and puts the triggers back; nothing when nothing was set aside.</summary>
    public async Task RebuildAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (!_setAside)
        {
            return;
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            await ExecuteAsync(connection, transaction, SearchIndexSql.SqliteRebuild + AuthorBookCountSql.SqliteRecount, cancellationToken);
            foreach (var trigger in SearchIndexSql.SqliteTriggers.Concat(AuthorBookCountSql.SqliteTriggers))
            {
                await ExecuteAsync(connection, transaction, trigger, cancellationToken);
            }
        }
        else if (provider == DatabaseProvider.MySql)
        {
            foreach (var statement in SearchIndexSql.MySqlRebuild.Concat(AuthorBookCountSql.MySqlRecount))
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken);
            }

            await ExecuteAsync(connection, transaction, MySqlResume, cancellationToken);
        }
        else
        {
            await ExecuteAsync(connection, transaction, SearchIndexSql.PostgresRebuild + SearchIndexSql.PostgresTermsRebuild + AuthorBookCountSql.PostgresRecount, cancellationToken);
            await ExecuteAsync(connection, transaction, $"{SearchIndexSql.PostgresResume}; {AuthorBookCountSql.PostgresResume}", cancellationToken);
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
            await ExecuteAsync(connection, null, MySqlResume, CancellationToken.None);
            _setAside = false;
        }
    }

    private const string MySqlResume = $"{SearchIndexSql.MySqlResume}; {AuthorBookCountSql.MySqlResume}";

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
