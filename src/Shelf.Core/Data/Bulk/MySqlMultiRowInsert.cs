using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Shelf.Core.Data.Bulk;

/// <summary>
/// Bulk writes on MySQL and MariaDB: one <c>INSERT ... VALUES (...), (...), ...</c> per chunk of
/// rows, parameterized, inside the import's transaction. Many rows per statement save a round trip
/// and a parse per row, which is where single INSERTs spend their time; the chunk keeps a
/// statement well below the server's 65,535 placeholders and its max_allowed_packet. The table's
/// CHECK, UNIQUE and foreign keys apply as to any insert. (LOAD DATA LOCAL INFILE would be faster
/// still, but needs the server's and the driver's local-infile switches on, which a user's server
/// may not allow.) A suffix, when given, ends each statement (an ON DUPLICATE KEY clause).
/// </summary>
internal sealed class MySqlMultiRowInsert(ShelfDbContext db, string table, string[] columns, string suffix = "")
{
    private const int MaxParameters = 6_000;

    private readonly int _rowsPerStatement = Math.Max(1, MaxParameters / columns.Length);

    // Every chunk but the last has the full size: its statement text is built once.
    private string? _fullChunkSql;

    /// <summary>Inserts the rows, each holding one value per column in order (null for NULL).</summary>
    public async Task WriteAsync(IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A bulk write needs the import's transaction.");
        for (var start = 0; start < rows.Count; start += _rowsPerStatement)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(_rowsPerStatement, rows.Count - start);
            await using var command = MySqlCommands.Create(db, count == _rowsPerStatement ? _fullChunkSql ??= Sql(count) : Sql(count));
            for (var r = 0; r < count; r++)
            {
                var row = rows[start + r];
                for (var c = 0; c < columns.Length; c++)
                {
                    MySqlCommands.Add(command, $"@p{r}_{c}", row[c]);
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private string Sql(int rows)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                sql.Append(c == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"@p{r}_{c}");
            }

            sql.Append(')');
        }

        return sql.Append(suffix).ToString();
    }
}
