using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Shelf.Core.Features.Backup;

/// <summary>
/// A row as one line of the archive: a JSON array of the column values in the table's order, each
/// kind in one form whatever the database (numbers, strings, true/false, days as yyyy-MM-dd, times as
/// UTC to the microsecond, the precision PostgreSQL keeps). The same row read from SQLite,
/// PostgreSQL or MySQL gives the same bytes, which is what lets a checksum prove a restore across engines.
/// </summary>
internal sealed class RowCodec : IDisposable
{
    private const string MomentFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'";
    private const string DayFormat = "yyyy'-'MM'-'dd";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly IReadOnlyList<BackupColumn> _columns;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public RowCodec(IReadOnlyList<BackupColumn> columns)
    {
        _columns = columns;
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>The current row of <paramref name="reader"/> (selected in the columns' order) as a line, without its newline; valid until the next call.</summary>
    public ReadOnlySpan<byte> Encode(DbDataReader reader)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartArray();
        for (var i = 0; i < _columns.Count; i++)
        {
            if (reader.IsDBNull(i))
            {
                _writer.WriteNullValue();
                continue;
            }

            switch (_columns[i].Kind)
            {
                case ColumnKind.SmallNumber:
                    _writer.WriteNumberValue(reader.GetInt16(i));
                    break;
                case ColumnKind.Number:
                    _writer.WriteNumberValue(reader.GetInt32(i));
                    break;
                case ColumnKind.BigNumber:
                    _writer.WriteNumberValue(reader.GetInt64(i));
                    break;
                case ColumnKind.Boolean:
                    _writer.WriteBooleanValue(reader.GetBoolean(i));
                    break;
                case ColumnKind.Day:
                    // MySql.Data hands a DATE out as a midnight DateTime only (see DateOnlyAsDateTime).
                    var day = reader.GetValue(i) is DateTime midnight ? DateOnly.FromDateTime(midnight) : reader.GetFieldValue<DateOnly>(i);
                    _writer.WriteStringValue(day.ToString(DayFormat, CultureInfo.InvariantCulture));
                    break;
                case ColumnKind.Moment:
                    _writer.WriteStringValue(Moment(reader.GetDateTime(i)));
                    break;
                default:
                    _writer.WriteStringValue(reader.GetString(i));
                    break;
            }
        }

        _writer.WriteEndArray();
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    /// <summary>
    /// The values of a line, typed by column kind (<see cref="DateTime"/> in UTC, <see cref="DateOnly"/>);
    /// null when the line is not a row of this table (wrong shape, a value of the wrong kind).
    /// </summary>
    public object?[]? Decode(ReadOnlySpan<byte> line)
    {
        var values = new object?[_columns.Count];
        var reader = new Utf8JsonReader(line);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            for (var i = 0; i < _columns.Count; i++)
            {
                if (!reader.Read() || !TryRead(ref reader, _columns[i].Kind, out values[i]))
                {
                    return null;
                }
            }

            return reader.Read() && reader.TokenType == JsonTokenType.EndArray && !reader.Read() ? values : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryRead(ref Utf8JsonReader reader, ColumnKind kind, out object? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        switch (kind)
        {
            case ColumnKind.SmallNumber when reader.TokenType == JsonTokenType.Number && reader.TryGetInt16(out var small):
                value = small;
                return true;
            case ColumnKind.Number when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number):
                value = number;
                return true;
            case ColumnKind.BigNumber when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var big):
                value = big;
                return true;
            case ColumnKind.Boolean when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                value = reader.GetBoolean();
                return true;
            case ColumnKind.Text when reader.TokenType == JsonTokenType.String:
                value = reader.GetString();
                return true;
            case ColumnKind.Day when reader.TokenType == JsonTokenType.String
                && DateOnly.TryParseExact(reader.GetString(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                value = day;
                return true;
            case ColumnKind.Moment when reader.TokenType == JsonTokenType.String
                && DateTime.TryParseExact(reader.GetString(), MomentFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment):
                value = moment;
                return true;
            default:
                return false;
        }
    }

    // SQLite hands stored times back as Unspecified; every stored time is UTC.
    private static string Moment(DateTime value)
    {
        var utc = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return utc.AddTicks(-(utc.Ticks % 10)).ToString(MomentFormat, CultureInfo.InvariantCulture);
    }
}
