namespace Shelf.Core.Features.Backup;

/// <summary>What a backup says about one of its tables: its columns, its row count and their checksum.</summary>
public sealed record BackupManifestTable(string Name, IReadOnlyList<BackupColumn> Columns, long Rows, string Checksum);

/// <summary>
/// The archive's own description (<c>manifest.json</c>), written after its tables so the counts
/// and checksums are those of the rows written. <see cref="SchemaVersion"/> is the newest
/// migration the library had, of <see cref="Provider"/>'s migration set.
/// </summary>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    string Provider,
    string SchemaVersion,
    DateTime CreatedAt,
    IReadOnlyList<BackupManifestTable> Tables)
{
    /// <summary>The value of <see cref="Format"/> in every Shelf backup.</summary>
    public const string FormatName = "shelf-backup";

    /// <summary>The archive layout this Shelf writes and the newest it reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The archive entry holding the manifest.</summary>
    public const string EntryName = "manifest.json";

    /// <summary>The archive entry holding a table's rows, one JSON array per line.</summary>
    public static string TableEntry(string table) => $"tables/{table}.jsonl";

    /// <summary>Rows of the books table (0 when the backup has none).</summary>
    public long Books => Tables.FirstOrDefault(t => t.Name == "books")?.Rows ?? 0;
}
