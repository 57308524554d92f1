namespace Shelf.Core.Data;

/// <summary>
/// The stable codes of the errors about reaching and opening the library.
/// Hosts key their hints and status mappings on these constants, so a renamed or mistyped
/// code fails the build instead of a user.
/// </summary>
public static class DatabaseErrorCodes
{
    public const string AuthFailed = "db.auth_failed";
    public const string BadConnectionString = "db.bad_connection_string";
    public const string BadUrl = "db.bad_url";
    public const string Busy = "db.busy";
    public const string CannotWrite = "db.cannot_write";
    public const string ConnectionLost = "db.connection_lost";
    public const string Damaged = "db.damaged";
    public const string DatabaseMissing = "db.database_missing";
    public const string DirectoryMissing = "db.directory_missing";
    public const string DiskFull = "db.disk_full";
    public const string IoError = "db.io_error";
    public const string NeedsMigration = "db.needs_migration";
    public const string NewerSchema = "db.newer_schema";
    public const string NoDatabase = "db.no_database";
    public const string NoHost = "db.no_host";
    public const string NotALibrary = "db.not_a_library";
    public const string NotSqlite = "db.not_sqlite";
    public const string PathIsDirectory = "db.path_is_directory";
    public const string PermissionDenied = "db.permission_denied";
    public const string Timeout = "db.timeout";
    public const string Unavailable = "db.unavailable";
    public const string Unreachable = "db.unreachable";
}
