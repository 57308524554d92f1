using Shelf.Core.Common;

namespace Shelf.Core.Features.Catalog.Reading;

/// <summary>
/// Where a catalog import's rows come from, a record at a time: named cells (by column of
/// <see cref="Header"/>), the record's line and its bytes as the file had them (for a rejects
/// file). A CSV file and Shelf's JSON export are the two kinds; formats map the cells without
/// knowing which.
/// </summary>
internal interface ICatalogSource : IAsyncDisposable
{
    /// <summary>The column names.</summary>
    string[] Header { get; }

    /// <summary>The separator a rejects file is written in.</summary>
    char Separator { get; }

    /// <summary>The file's size in bytes, for progress and for sizing a bulk load; null when unknown.</summary>
    long? TotalBytes { get; }

    /// <summary>Why the input stopped being readable part way (the records before it were read); null when it ended well.</summary>
    Error? Fatal { get; }

    /// <summary>The current record's line, as messages number it.</summary>
    long Line { get; }

    /// <summary>How far into the file the current record ends.</summary>
    long ByteOffset { get; }

    /// <summary>The current record's cells; may differ from the header's count in a broken CSV row.</summary>
    int FieldCount { get; }

    /// <summary>Moves to the next record; false at the end, or when <see cref="Fatal"/> was set.</summary>
    ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    /// <summary>A cell's text ("" when empty).</summary>
    string Cell(int column);

    bool IsEmpty(int column);

    /// <summary>A cell's size in UTF-8 bytes (at least its characters), without making a string of it.</summary>
    int ByteLength(int column);

    /// <summary>The current record as the file had it, byte for byte, for a rejects file.</summary>
    byte[] RawRecord();

    /// <summary>A rejects file for this input: its header, then the rejected records (<see cref="RawRecord"/>).</summary>
    Importing.RejectsFile Rejects(Stream output);

    /// <summary>How the input was read, when a user should know (stray bytes read as Windows-1252), or null.</summary>
    ImportIssue? ReadingWarning { get; }

    /// <summary>Once reading has ended: whether the input's last record ended with a line break, not mid-line.</summary>
    bool EndedWithLineBreak { get; }

    /// <summary>Why the current record cannot be trusted as the file meant it (an unclosed quote), or null.</summary>
    string? Malformation(long line);
}
