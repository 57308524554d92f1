using System.Threading.Channels;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog.Formats;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog;

/// <summary>A row read and mapped: its record, or why it cannot be imported (with its original bytes for the rejects file).</summary>
internal sealed record MappedRow(long Line, long ByteOffset, CatalogRecord? Record, string? Problem, byte[]? RawRecord, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads and maps the rows of a file on a thread of its own and hands them over through a small
/// bounded queue, so parsing the next rows overlaps with writing the previous ones (an import is
/// CPU-bound on both sides). Rows travel in batches: handed over one by one, each row woke the
/// other side through the thread pool, and the waking and spinning cost more than parsing.
/// Memory stays flat: at most <see cref="QueueBatches"/> batches of <see cref="BatchRows"/> wait.
/// </summary>
internal sealed class CatalogRowReader(ICatalogSource table, CatalogHeader header, ICatalogMapper mapper, string source)
{
    private const int BatchRows = 128;
    private const int QueueBatches = 4;

    /// <summary>More people, ids or shelves than any book has: a broken row, not a book (and the bulk writers' batches are sized by these).</summary>
    public const int MaxListed = 500;

    /// <summary>Unquoted separators one column of a row may hold (<see cref="ICatalogMapper.OverflowColumn"/>); more is a broken row.</summary>
    private const int MaxOverflow = 3;

    private readonly Channel<List<MappedRow>> _rows = Channel.CreateBounded<List<MappedRow>>(new BoundedChannelOptions(QueueBatches) { SingleReader = true, SingleWriter = true });

    /// <summary>The mapped rows, in file order, a batch at a time.</summary>
    public ChannelReader<List<MappedRow>> Rows => _rows.Reader;

    /// <summary>Set when the file stops being readable CSV part way; the rows before it were handed over.</summary>
    public Error? Fatal { get; private set; }

    /// <summary>Reads until the end of the file or until <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => Task.Run(() => ReadAsync(cancellationToken), cancellationToken);

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var reader = table;
            var row = new CatalogRow(reader, header, mapper.ExtrasSource ?? source, mapper.DecodesEntities);
            var batch = new List<MappedRow>(BatchRows);
            async ValueTask AddAsync(MappedRow mapped)
            {
                batch.Add(mapped);
                if (batch.Count == BatchRows)
                {
                    await _rows.Writer.WriteAsync(batch, cancellationToken);
                    batch = new List<MappedRow>(BatchRows);
                }
            }

            // A short row is held until the next record shows the file goes on: the last row of
            // a file cut mid-line is short too, and that one is rejected, not read.
            (MappedRow Read, MappedRow CutShort)? held = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                if (held is { } previous)
                {
                    await AddAsync(previous.Read);
                    held = null;
                }

                var line = reader.Line;
                var problem = Check(reader, line, out var shortRow, out var overflow, out var split) ?? (row.Begin(line) ? Map(row, shortRow, overflow, split) : row.Failure);
                var mapped = problem is null
                    ? new MappedRow(line, reader.ByteOffset, row.Record, null, null, row.Warnings.Count == 0 ? [] : [.. row.Warnings])
                    : new MappedRow(line, reader.ByteOffset, null, problem, reader.RawRecord(), []);
                if (problem is null && shortRow is not null)
                {
                    held = (mapped, new MappedRow(line, reader.ByteOffset, null, $"the row has {reader.FieldCount} fields but the header has {header.Count} (the file's last row, cut short?)", reader.RawRecord(), []));
                    continue;
                }

                await AddAsync(mapped);
            }

            if (held is { } last)
            {
                await AddAsync(reader.Fatal is null && !reader.EndedWithLineBreak ? last.CutShort : last.Read);
            }

            // What was read before the end, or before the file stopped being readable.
            Fatal = reader.Fatal;
            if (batch.Count > 0)
            {
                await _rows.Writer.WriteAsync(batch, cancellationToken);
            }

            _rows.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _rows.Writer.TryComplete(e);
        }
    }

    private string? Check(ICatalogSource reader, long line, out string? shortRow, out int overflow, out (string Left, string Right)? split)
    {
        shortRow = null;
        overflow = 0;
        split = null;
        if (table.Malformation(line) is { } malformed)
        {
            return malformed;
        }

        var count = reader.FieldCount;
        if (count < header.Count && Swallowed(reader, out split) is { } unsure)
        {
            return unsure;
        }

        if (count < header.Count && split is null)
        {
            // Spreadsheets and Python's csv write a row whose last fields are empty without their
            // separators; such a row is read, the missing fields empty. A row short of more than a
            // quarter of the columns is a broken record (a line break outside quotes) and stays
            // rejected, as does a short last row (a file cut short; see ReadAsync).
            var missing = header.Count - count;
            if (missing <= Math.Max(1, header.Count / 4))
            {
                shortRow = $"the row has {count} fields but the header has {header.Count}; the last {missing} were read as empty";
                return null;
            }

            return $"the row has {count} fields but the header has {header.Count} (a field with an unquoted line break, or a row cut short?)";
        }

        var extra = 0;
        for (var i = header.Count; i < count; i++)
        {
            if (!reader.IsEmpty(i))
            {
                extra = i - header.Count + 1;
            }
        }

        // A format may know which column holds the unquoted separators; otherwise nobody can tell which field they split.
        if (extra == 0 || (mapper.OverflowColumn >= 0 && extra <= MaxOverflow))
        {
            overflow = extra;
            return null;
        }

        return $"the row has {count} fields but the header has {header.Count} (a field with an unquoted '{table.Separator}'?)";
    }

    /// <summary>
    /// For a short row of a format whose column may swallow the next (<see cref="ICatalogMapper.SwallowingColumn"/>):
    /// the two values to read it as, or why the row cannot be read without shifting its fields.
    /// </summary>
    private string? Swallowed(ICatalogSource reader, out (string Left, string Right)? split)
    {
        split = null;
        var column = mapper.SwallowingColumn;
        if (column < 0 || column >= reader.FieldCount)
        {
            return null;
        }

        var reading = EscapedClosingQuote.Split(reader.Cell(column), table.Separator, out var left, out var right);
        if (reading == EscapedClosingQuote.Reading.Split && reader.FieldCount == header.Count - 1)
        {
            split = (left, right);
            return null;
        }

        return reading == EscapedClosingQuote.Reading.None
            ? null
            : $"the row has {reader.FieldCount} fields but the header has {header.Count}, and {header.Names[column]} holds '\"{table.Separator}', so where it ends and {(column + 1 < header.Count ? header.Names[column + 1] : "the next column")} begins cannot be told; fix the row (a backslash before a closing quote?) and import it again";
    }

    private string? Map(CatalogRow row, string? shortRow, int overflow, (string Left, string Right)? split)
    {
        if (shortRow is not null)
        {
            row.Warn(shortRow);
        }

        if (split is { } parts)
        {
            var column = mapper.SwallowingColumn;
            row.SplitSwallowed(column, parts.Left, parts.Right);
            row.Warn($"{row.Label(column)} ended in an escaped quote ('\\\"') before '{table.Separator}', which ran {row.Label(column + 1)} into it; read back as '{UserText.Shorten(parts.Left)}' and '{UserText.Shorten(parts.Right)}'");
        }

        if (overflow > 0)
        {
            row.SpanOverflow(mapper.OverflowColumn, overflow);
            row.Warn($"the row has {header.Count + overflow} fields but the header has {header.Count}; '{table.Separator}' written unquoted in {row.Label(mapper.OverflowColumn)} was read as part of it");
        }

        mapper.Map(row);
        if (row.Failure is not null)
        {
            return row.Failure;
        }

        var record = row.Record;
        if (record.Credits.Count > MaxListed || record.Identifiers.Count > MaxListed || record.Tags.Count > MaxListed)
        {
            return $"the row names {record.Credits.Count} people, {record.Identifiers.Count} ids and {record.Tags.Count} shelves; at most {MaxListed} of each are accepted";
        }

        row.KeepUnmapped();

        // Whatever the format or mapping, a status lands on the built-in ones as edit sets them.
        if (record.Status is { } status)
        {
            record.Status = Domain.ReadingStatus.Normalize(status);
        }

        // Worked out here, on the reading thread, rather than by the writer.
        record.PrepareExtras();
        record.PrepareKeys();
        return null;
    }
}
