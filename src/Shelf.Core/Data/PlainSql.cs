using System.Data.Common;

namespace Shelf.Core.Data;

/// <summary>
/// Reads with SQL on a connection (an EF context's, and its transaction when one is open, or a
/// <see cref="SqliteLibrary"/>'s), past EF's query pipeline. For the read paths of one-shot
/// commands: compiling a command's first LINQ query costs it about as much as starting the
/// process. The SQL must read the same on every provider (snake_case names need no quoting;
/// numbers are written in, text goes as parameters).
/// </summary>
internal static class PlainSql
{
    /// <summary>Every row of <paramref name="sql"/>, each read by <paramref name="read"/>.</summary>
    public static async Task<List<T>> ReadAsync<T>(ShelfDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        await ReadAsync(await PlainConnection.OfAsync(db, cancellationToken), sql, read, cancellationToken);

    /// <inheritdoc cref="ReadAsync{T}(ShelfDbContext, string, Func{DbDataReader, T}, CancellationToken)"/>
    public static async Task<List<T>> ReadAsync<T>(PlainConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>The first column of the first row, as a long (a count).</summary>
    public static async Task<long> CountAsync(ShelfDbContext db, string sql, CancellationToken cancellationToken) =>
        await CountAsync(await PlainConnection.OfAsync(db, cancellationToken), sql, cancellationToken);

    /// <inheritdoc cref="CountAsync(ShelfDbContext, string, CancellationToken)"/>
    public static async Task<long> CountAsync(PlainConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of the first row as text.</summary>
    public static async Task<string> TextAsync(ShelfDbContext db, string sql, CancellationToken cancellationToken) =>
        await TextAsync(await PlainConnection.OfAsync(db, cancellationToken), sql, cancellationToken);

    /// <inheritdoc cref="TextAsync(ShelfDbContext, string, CancellationToken)"/>
    public static async Task<string> TextAsync(PlainConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>A nullable integer column.</summary>
    public static int? IntOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    /// <summary>A nullable text column.</summary>
    public static string? TextOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
