using Shelf.Core.Data;

namespace Shelf.Core.Features.Database;

/// <summary>Lists the tables of the library's schema with exact row counts, like psql's <c>\dt</c>.</summary>
public sealed class ListTables(ShelfDbContext db)
{
    public async Task<IReadOnlyList<TableInfo>> ExecuteAsync(CancellationToken cancellationToken) =>
        await ReadAsync(await PlainConnection.OfAsync(db, cancellationToken), cancellationToken);

    /// <summary>The same on a plain connection.</summary>
    internal static async Task<IReadOnlyList<TableInfo>> ReadAsync(PlainConnection db, CancellationToken cancellationToken)
    {
        var namesSql = db.Provider switch
        {
            DatabaseProvider.Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            DatabaseProvider.MySql => "SELECT table_name FROM information_schema.tables WHERE table_schema = database() AND table_type = 'BASE TABLE' ORDER BY table_name",
            _ => "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
        };

        // Plain SQL, not SqlQueryRaw: each of those compiled a query, the most of what `db status` cost.
        var names = await PlainSql.ReadAsync(db, namesSql, r => r.GetString(0), cancellationToken);

        var tables = new List<TableInfo>(names.Count);
        foreach (var name in names)
        {
            // Table names come from the catalog, not from the user; quoting still guards odd ones.
            var rows = await PlainSql.CountAsync(db, $"SELECT count(*) FROM {QuoteIdentifier(db.Provider, name)}", cancellationToken);
            tables.Add(new TableInfo(name, rows));
        }

        return tables;
    }

    private static string QuoteIdentifier(DatabaseProvider provider, string name) => provider == DatabaseProvider.MySql
        ? "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`"
        : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
