using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Shelf.Core.Data;

/// <summary>
/// Reads with SQL on the context's own connection (and transaction, when one is open), past EF's
/// query pipeline. For the read paths of one-shot commands: compiling a command's first LINQ query
/// costs it about as much as starting the process. The SQL must read the same on every provider
/// (snake_case names need no quoting; numbers are written in, text goes as parameters).
/// </summary>
internal static class PlainSql
{
    /// <summary>Every row of <paramref name="sql"/>, each read by <paramref name="read"/>.</summary>
    public static async Task<List<T>> ReadAsync<T>(ShelfDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, sql, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>The first column of the first row, as a long (a count).</summary>
    public static async Task<long> CountAsync(ShelfDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, sql, cancellationToken);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of the first row as text.</summary>
    public static async Task<string> TextAsync(ShelfDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, sql, cancellationToken);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>A nullable integer column.</summary>
    public static int? IntOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    /// <summary>A nullable text column.</summary>
    public static string? TextOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task<DbCommand> CommandAsync(ShelfDbContext db, string sql, CancellationToken cancellationToken)
    {
        // Opening an open connection only counts it; the context closes it when it is disposed.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
