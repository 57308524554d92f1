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
