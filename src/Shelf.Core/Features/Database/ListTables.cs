using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Database;

/// <summary>Lists the tables of the library's schema with exact row counts, like psql's <c>\dt</c>.</summary>
public sealed class ListTables(ShelfDbContext db)
{
    public async Task<IReadOnlyList<TableInfo>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var namesSql = db.Provider switch
        {
            DatabaseProvider.Sqlite => "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            DatabaseProvider.MySql => "SELECT table_name AS `Value` FROM information_schema.tables WHERE table_schema = database() AND table_type = 'BASE TABLE' ORDER BY table_name",
            _ => "SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
        };
        var names = await db.Database.SqlQueryRaw<string>(namesSql).ToListAsync(cancellationToken);

        var tables = new List<TableInfo>(names.Count);
        foreach (var name in names)
        {
            // Table names come from the catalog, not from the user; quoting still guards odd ones.
            // The alias is quoted too: PostgreSQL folds an unquoted Value to value, which EF does not find.
#pragma warning disable EF1002 // the identifier is quoted; identifiers cannot be parameters
            var rows = await db.Database.SqlQueryRaw<long>($"SELECT count(*) AS {QuoteIdentifier(db.Provider, "Value")} FROM {QuoteIdentifier(db.Provider, name)}").SingleAsync(cancellationToken);
#pragma warning restore EF1002
            tables.Add(new TableInfo(name, rows));
        }

        return tables;
    }

    private static string QuoteIdentifier(DatabaseProvider provider, string name) => provider == DatabaseProvider.MySql
        ? "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`"
        : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
