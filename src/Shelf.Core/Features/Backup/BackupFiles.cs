using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Backup;

/// <summary>The checks on the paths a backup writes and a restore reads, so both refuse the same way.</summary>
internal static class BackupFiles
{
    /// <summary>The full path to write a backup to: in a folder that exists, never the library's own file.</summary>
    public static Result<string> Destination(string path, DatabaseTarget target)
    {
        var full = FullPath(path);
        if (!full.IsSuccess)
        {
            return full;
        }

        if (Directory.Exists(full.Value))
        {
            return Error.Invalid(BackupErrorCodes.FolderMissing, $"{full.Value} is a folder; give the path of the backup file to write, e.g. {Path.Combine(full.Value, "library.shelf-backup")}");
        }

        var folder = Path.GetDirectoryName(full.Value)!;
        if (!Directory.Exists(folder))
        {
            return Error.Invalid(BackupErrorCodes.FolderMissing, $"the folder {folder} does not exist; create it first or choose another path");
        }

        if (target.FilePath is { } library && IsLibraryFile(full.Value, Path.GetFullPath(library)))
        {
            return Error.Invalid(BackupErrorCodes.NotABackup, $"{full.Value} is the library itself; write the backup to another file");
        }

        return full.Value;
    }

    /// <summary>The full path of a backup to read, which must be a file.</summary>
    public static Result<string> Source(string path)
    {
        var full = FullPath(path);
        if (!full.IsSuccess)
        {
            return full;
        }

        return File.Exists(full.Value)
            ? full.Value
            : Error.NotFound(BackupErrorCodes.FileMissing, $"there is no backup file {full.Value}");
    }

    /// <summary>A file beside <paramref name="path"/> that nothing else uses.</summary>
    public static string Sibling(string path, string purpose) => $"{path}.{purpose}-{Guid.NewGuid():N}";

    private static Result<string> FullPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Length > 4096 || path.Contains('\0', StringComparison.Ordinal))
        {
            return Error.Invalid(BackupErrorCodes.NotABackup, "give the path of a backup file");
        }

        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Error.Invalid(BackupErrorCodes.NotABackup, $"'{UserText.Shorten(path)}' is not a usable path: {e.Message}");
        }
    }

    private static bool IsLibraryFile(string path, string library) =>
        path == library || path == library + "-wal" || path == library + "-shm" || path == library + "-journal";
}
