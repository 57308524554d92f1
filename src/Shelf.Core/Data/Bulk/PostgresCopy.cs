using Npgsql;
using NpgsqlTypes;

namespace Shelf.Core.Data.Bulk;

/// <summary>
/// Nullable values into a binary COPY row. The bulk writers call these synchronously: the
/// importer buffers rows and touches the network only when its buffer is full, where an
/// awaited write per field would cost more than the COPY itself.
/// </summary>
internal static class PostgresCopy
{
    /// <summary>
    /// Starts a binary COPY without a timeout. Npgsql gives a COPY's end the connection's command
    /// timeout (30 s), and ending it waits for the server to apply the whole batch, its triggers
    /// included: on a busy machine a batch of a large import can take longer, and the timer would
    /// roll back all the import had done. A bulk write is bounded by its input and stopped by
    /// cancellation instead.
    /// </summary>
    public static async Task<NpgsqlBinaryImporter> BeginCopyAsync(this NpgsqlConnection connection, string copyCommand, CancellationToken cancellationToken)
    {
        var copy = await connection.BeginBinaryImportAsync(copyCommand, cancellationToken);

        // Not TimeSpan.Zero: the importer reads zero as "time out at once".
        copy.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        return copy;
    }

    /// <summary>A statement of a bulk write, without a timeout for the reason <see cref="BeginCopyAsync"/> gives.</summary>
    public static async Task ExecuteUnboundedAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static void Text(this NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    public static void Integer(this NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } number)
        {
            copy.Write(number, NpgsqlDbType.Integer);
        }
        else
        {
            copy.WriteNull();
        }
    }

    public static void Bigint(this NpgsqlBinaryImporter copy, long? value)
    {
        if (value is { } number)
        {
            copy.Write(number, NpgsqlDbType.Bigint);
        }
        else
        {
            copy.WriteNull();
        }
    }

    public static void Day(this NpgsqlBinaryImporter copy, DateOnly? value)
    {
        if (value is { } day)
        {
            copy.Write(day, NpgsqlDbType.Date);
        }
        else
        {
            copy.WriteNull();
        }
    }

    /// <summary>A UTC time (timestamp with time zone).</summary>
    public static void Moment(this NpgsqlBinaryImporter copy, DateTime value) => copy.Write(value, NpgsqlDbType.TimestampTz);
}
