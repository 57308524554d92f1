using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySql.Data.MySqlClient;
using Npgsql;
using Shelf.Core.Common;

namespace Shelf.Core.Data;

/// <summary>
/// Turns the outside world failing (server down, wrong password, unreadable file, full disk)
/// into one line that names the place and the fix. Anything it does not recognise is a bug
/// and stays an exception.
/// </summary>
public static class DatabaseErrors
{
    // SQLite result codes (https://sqlite.org/rescode.html), primary part only.
    private const int SqliteBusy = 5;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    // MySQL/MariaDB error numbers (https://mariadb.com/kb/en/mariadb-error-codes/) and the driver's own.
    private const int MySqlDuplicateEntry = 1062;
    private const int MySqlAccessDenied = 1045;
    private const int MySqlDatabaseAccessDenied = 1044;
    private const int MySqlUnknownDatabase = 1049;
    private const int MySqlTooManyConnections = 1040;
    private const int MySqlDiskFull = 1021;
    private const int MySqlRecordFileFull = 1114;
    private const int MySqlLockWaitTimeout = 1205;
    private const int MySqlUnableToConnect = 1042;
    private const int MySqlServerGone = 2006;
    private const int MySqlServerLost = 2013;

    /// <summary>Returns the <see cref="Error"/> for an environmental failure, or null for anything else.</summary>
    public static Error? Translate(Exception exception, DatabaseTarget target)
    {
        // EF wraps provider errors (DbUpdateException, "transient failure" InvalidOperationException): look down the chain.
        var inner = FindInner<DbException>(exception) ?? exception;
        return inner switch
        {
            SqliteException sqlite => FromSqlite(sqlite, target),
            PostgresException postgres => FromPostgres(postgres, target),
            NpgsqlException npgsql => FromNpgsql(npgsql, target),
            MySqlException mysql => FromMySql(mysql, target),
            _ => null,
        };
    }

    /// <summary>True when a write failed on a UNIQUE constraint; use cases turn that into a conflict.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => IsUniqueViolation(exception.InnerException);

    /// <summary>The same for a provider's own exception (bulk writes that bypass EF).</summary>
    public static bool IsUniqueViolation(Exception? exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        MySqlException mysql => mysql.Number == MySqlDuplicateEntry,
        _ => false,
    };

    private static Error? FromSqlite(SqliteException e, DatabaseTarget target) => e.SqliteErrorCode switch
    {
        SqliteNotADatabase or SqliteCorrupt when LooksLikeSqlite(target) => Damaged(target),
        SqliteNotADatabase or SqliteCorrupt => Error.Invalid(
            DatabaseErrorCodes.NotSqlite,
            $"{target.Location} is not a SQLite database; use a Shelf library or a new file"),
        SqliteCantOpen or SqliteReadOnly => Error.Unavailable(
            DatabaseErrorCodes.CannotWrite,
            $"cannot open {target.Location} for writing: the file or its folder is read-only; fix the permissions or choose another path"),
        SqliteFull => Error.Unavailable(DatabaseErrorCodes.DiskFull, $"the disk holding {target.Location} is full; free some space and try again; nothing was changed"),
        SqliteIoError => Error.Unavailable(DatabaseErrorCodes.IoError, $"the disk failed while reading or writing {target.Location}: {e.Message}"),
        SqliteBusy => Error.Unavailable(DatabaseErrorCodes.Busy, $"{target.Location} stayed locked by another program for 30 s; close it and try again"),
        _ => null,
    };

    private static Error? FromPostgres(PostgresException e, DatabaseTarget target) => e.SqlState switch
    {
        PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => Error.Unavailable(
            DatabaseErrorCodes.AuthFailed,
            $"PostgreSQL at {target.Server} rejected the login for {UserOf(target)}: wrong password or no access; put the password in the URL, PGPASSWORD or ~/.pgpass"),
        PostgresErrorCodes.InvalidCatalogName => Error.NotFound(
            DatabaseErrorCodes.DatabaseMissing,
            $"database '{target.DatabaseName}' does not exist on {target.Server}"),
        PostgresErrorCodes.InsufficientPrivilege => Error.Unavailable(
            DatabaseErrorCodes.PermissionDenied,
            $"PostgreSQL at {target.Server} denied {UserOf(target)} this: {e.MessageText}; ask the owner for rights"),
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown => ConnectionLost(target),
        PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow => Error.Unavailable(
            DatabaseErrorCodes.Unavailable,
            $"PostgreSQL at {target.Server} is not accepting connections now ({e.MessageText}); try again later"),
        PostgresErrorCodes.DiskFull => Error.Unavailable(DatabaseErrorCodes.DiskFull, $"PostgreSQL at {target.Server} is out of disk space; nothing was changed"),
        _ => null,
    };

    private static Error? FromNpgsql(NpgsqlException e, DatabaseTarget target)
    {
        if (FindInner<SocketException>(e) is { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected })
        {
            return ConnectionLost(target);
        }

        if (FindInner<SocketException>(e) is { } socket)
        {
            var reason = socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "unknown host",
                SocketError.TimedOut => "timed out",
                _ => socket.SocketErrorCode.ToString(),
            };
            return Error.Unavailable(
                DatabaseErrorCodes.Unreachable,
                $"cannot reach PostgreSQL at {target.Server} ({reason}); check that the server is running and that this is its host and port");
        }

        if (FindInner<TimeoutException>(e) is not null)
        {
            // A large import holds the book tables until it commits (PostgresBulkLoad): a busy
            // library times out the same way as a slow server, so the message names both.
            return Error.Unavailable(
                DatabaseErrorCodes.Timeout,
                $"PostgreSQL at {target.Server} did not answer in time: another command (a large import?) may be holding the library, or the server or network is slow; try again when it is done");
        }

        if (e.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return Error.Unavailable(
                DatabaseErrorCodes.AuthFailed,
                $"PostgreSQL at {target.Server} needs a password for {UserOf(target)}; put it in the URL, PGPASSWORD or ~/.pgpass");
        }

        return e.IsTransient ? ConnectionLost(target) : null;
    }

    private static Error? FromMySql(MySqlException e, DatabaseTarget target)
    {
        var number = e.Number != 0 ? e.Number : (e.InnerException as MySqlException)?.Number ?? 0;
        return number switch
        {
            MySqlAccessDenied => Error.Unavailable(
                DatabaseErrorCodes.AuthFailed,
                $"MySQL at {target.Server} rejected the login for {UserOf(target)}: wrong password or no access; put the password in the URL, MYSQL_PWD or ~/.my.cnf"),
            MySqlDatabaseAccessDenied => Error.Unavailable(
                DatabaseErrorCodes.PermissionDenied,
                $"MySQL at {target.Server} denied {UserOf(target)} access to database '{target.DatabaseName}'; ask the owner for rights"),
            MySqlUnknownDatabase => Error.NotFound(
                DatabaseErrorCodes.DatabaseMissing,
                $"database '{target.DatabaseName}' does not exist on {target.Server}"),
            MySqlTooManyConnections => Error.Unavailable(
                DatabaseErrorCodes.Unavailable,
                $"MySQL at {target.Server} is not accepting connections now ({e.Message}); try again later"),
            MySqlDiskFull or MySqlRecordFileFull => Error.Unavailable(DatabaseErrorCodes.DiskFull, $"MySQL at {target.Server} is out of space; nothing was changed"),
            MySqlLockWaitTimeout => Error.Unavailable(
                DatabaseErrorCodes.Timeout,
                $"MySQL at {target.Server} did not answer in time: another command (a large import?) may be holding the library; try again when it is done"),
            MySqlServerGone or MySqlServerLost => MySqlConnectionLost(target),
            MySqlUnableToConnect => Error.Unavailable(
                DatabaseErrorCodes.Unreachable,
                $"cannot reach MySQL at {target.Server}; check that the server is running and that this is its host and port"),
            _ when FindInner<SocketException>(e) is not null || FindInner<TimeoutException>(e) is not null => Error.Unavailable(
                DatabaseErrorCodes.Unreachable,
                $"cannot reach MySQL at {target.Server}; check that the server is running and that this is its host and port"),
            _ => null,
        };
    }

    private static Error MySqlConnectionLost(DatabaseTarget target) => Error.Unavailable(
        DatabaseErrorCodes.ConnectionLost,
        $"the connection to MySQL at {target.Server} was lost (the server went away); nothing was changed; try again when it is back");

    // However the server went away (shut down, crashed, the network dropped), the open
    // transaction died with the connection, so nothing of the command was kept.
    private static Error ConnectionLost(DatabaseTarget target) => Error.Unavailable(
        DatabaseErrorCodes.ConnectionLost,
        $"the connection to PostgreSQL at {target.Server} was lost (the server went away); nothing was changed; try again when it is back");

    private static Error Damaged(DatabaseTarget target) => Error.Unavailable(
        DatabaseErrorCodes.Damaged,
        $"{target.Location} is a SQLite database but it is damaged (cut short or overwritten); nothing was changed. Restore it from a backup, or save what can still be read with: sqlite3 '{target.Location}' .recover | sqlite3 recovered.db");

    // A damaged library still starts with SQLite's header; a file of another program does not.
    private static bool LooksLikeSqlite(DatabaseTarget target)
    {
        try
        {
            using var file = File.OpenRead(target.FilePath!);
            Span<byte> header = stackalloc byte[16];
            return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
                && header.SequenceEqual("SQLite format 3\0"u8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static T? FindInner<T>(Exception e)
        where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static string UserOf(DatabaseTarget target)
    {
        var location = target.Location;
        var start = location.IndexOf("://", StringComparison.Ordinal) + 3;
        var at = location.IndexOf('@', StringComparison.Ordinal);
        return at > start ? location[start..at] : "this user";
    }
}
