namespace Shelf.Core.Features.Backup;

/// <summary>
/// The stable codes of the errors about backing up and restoring the library.
/// Hosts key their hints and status mappings on these constants.
/// </summary>
public static class BackupErrorCodes
{
    public const string FileMissing = "backup.file_missing";
    public const string FolderMissing = "backup.folder_missing";
    public const string NotABackup = "backup.not_a_backup";
    public const string Damaged = "backup.damaged";
    public const string NewerSchema = "backup.newer_schema";
    public const string NotEmpty = "backup.not_empty";
    public const string RowsRefused = "backup.rows_refused";
    public const string Unreadable = "backup.unreadable";
}
