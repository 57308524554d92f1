using System.Globalization;
using Npgsql;
using Shelf.Core.Common;

namespace Shelf.Core.Data;

/// <summary>
/// Where the library lives: a SQLite file, a PostgreSQL database or a MySQL/MariaDB database, read from <c>--db</c>,
/// <c>SHELF_DB</c> or the default file. Switching database is a change of this and nothing else.
/// </summary>
public sealed record DatabaseTarget
{
    private DatabaseTarget(DatabaseProvider provider, string connectionString, string location, bool isDefaultLocation)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Location = location;
        IsDefaultLocation = isDefaultLocation;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The provider's connection string; may hold a password, so never print it.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the library is, safe to show: a file path, or user@host:port/database with no password.</summary>
    public string Location { get; }

    /// <summary>True for the default SQLite file, whose folder Shelf may create.</summary>
    public bool IsDefaultLocation { get; }

    /// <summary>For SQLite, the full path of the file.</summary>
    public string? FilePath => Provider == DatabaseProvider.Sqlite ? Location : null;

    /// <summary>For a server database, "host:port", which error messages name.</summary>
    public string? Server { get; private init; }

    /// <summary>For a server database, the database name.</summary>
    public string? DatabaseName { get; private init; }

    /// <summary>A MySQL or MariaDB target; only <see cref="MySqlTargets"/> makes one.</summary>
    internal static DatabaseTarget MySql(string connectionString, string location, string server, string database) =>
        new(DatabaseProvider.MySql, connectionString, location, isDefaultLocation: false) { Server = server, DatabaseName = database };

    /// <summary>
    /// This target as a long-running host (<c>shelf serve</c>) uses it: on PostgreSQL, at most
    /// <paramref name="maxConnections"/> pooled connections unless the connection string sets its
    /// own <c>Maximum Pool Size</c>. Npgsql's default of 100 lets every request in flight hold a
    /// server backend, and on a small machine those backends then compete with the host for the
    /// same cores: with 32 clients on our 2-core machine, a library page at 1M books answered
    /// 1,226 requests/s at p99 60.8 ms with 100, and 1,510 at 32.7 ms with 6, the other requests
    /// waiting their turn for a connection instead (bench/web.sh, SHELF_BENCH_PG_OPTIONS).
    /// </summary>
    public DatabaseTarget WithHostPool(int maxConnections)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        if (Provider != DatabaseProvider.Postgres || SetsPoolSize(ConnectionString))
        {
            return this;
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = maxConnections };
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, maxConnections);
        return new DatabaseTarget(Provider, builder.ConnectionString, Location, IsDefaultLocation) { Server = Server, DatabaseName = DatabaseName };
    }

    // Npgsql writes the option back under the name the user gave it, one of its aliases.
    private static bool SetsPoolSize(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Maximum Pool Size") || given.ContainsKey("MaxPoolSize");
    }

    /// <summary>The safe <see cref="Location"/>: a record would otherwise print the connection string and its password.</summary>
    public override string ToString() => Location;

    /// <summary>
    /// Reads a target from what the user gave (<c>--db</c>, else <c>SHELF_DB</c>), falling back
    /// to <c>$XDG_DATA_HOME/shelf/library.db</c>, else <c>~/.local/share/shelf/library.db</c>.
    /// </summary>
    public static Result<DatabaseTarget> Resolve(string? option, Func<string, string?> environment)
    {
        var given = string.IsNullOrWhiteSpace(option) ? environment("SHELF_DB") : option;
        if (string.IsNullOrWhiteSpace(given))
        {
            return Sqlite(DefaultPath(environment), isDefault: true);
        }

        given = given.Trim();
        if (given.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || given.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromPostgresUrl(given);
        }

        if (given.StartsWith("mysql://", StringComparison.OrdinalIgnoreCase)
            || given.StartsWith("mariadb://", StringComparison.OrdinalIgnoreCase))
        {
            return MySqlTargets.FromUrl(given, environment);
        }

        if (MySqlTargets.StripPrefix(given) is { } mysqlConnectionString)
        {
            return MySqlTargets.FromConnectionString(mysqlConnectionString, environment);
        }

        if (LooksLikeConnectionString(given))
        {
            return MySqlTargets.IsMySqlConnectionString(given)
                ? MySqlTargets.FromConnectionString(given, environment)
                : FromNpgsqlConnectionString(given);
        }

        if (given.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            given = given["sqlite:".Length..];
        }

        return Sqlite(ExpandHome(given, environment), isDefault: false);
    }

    /// <summary>The default SQLite file for this user.</summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        var dataHome = environment("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            dataHome = Path.Combine(home, ".local", "share");
        }

        return Path.Combine(dataHome, "shelf", "library.db");
    }

    /// <summary>Creates a target for a SQLite file.</summary>
    public static DatabaseTarget Sqlite(string path, bool isDefault = false)
    {
        var full = Path.GetFullPath(path);

        // Written out rather than through SqliteConnectionStringBuilder.ToString(), whose quoting
        // goes through System.Text.RegularExpressions: loading it cost every command a few ms of
        // start-up (bench/startup.sh). A default timeout is the seconds a command waits on a
        // writer holding the file before it gives up.
        var connection = $"Data Source={ConnectionStringValue.Quote(full)};Mode=ReadWriteCreate;Foreign Keys=True;Pooling=True;Default Timeout=30";
        return new DatabaseTarget(DatabaseProvider.Sqlite, connection, full, isDefault);
    }

    // The URL query options people copy from libpq / psql, by their Npgsql names.
    private static readonly Dictionary<string, string> LibpqOptionNames = new(StringComparer.Ordinal)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
    };

    private static bool LooksLikeConnectionString(string text) =>
        text.Contains('=', StringComparison.Ordinal)
        && (text.Contains("host=", StringComparison.OrdinalIgnoreCase) || text.Contains("server=", StringComparison.OrdinalIgnoreCase));

    private static Result<DatabaseTarget> FromPostgresUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return Error.Invalid(DatabaseErrorCodes.BadUrl, $"'{MaskUrl(url)}' is not a PostgreSQL URL; write it as postgres://user@host:5432/library");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };

        if (string.IsNullOrEmpty(builder.Database))
        {
            return Error.Invalid(DatabaseErrorCodes.NoDatabase, "the PostgreSQL URL names no database; add it after the host, as in postgres://user@host:5432/library");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            try
            {
                builder[LibpqOptionNames.GetValueOrDefault(key.ToLowerInvariant(), key)] = value;
            }
            catch (ArgumentException)
            {
                return Error.Invalid(DatabaseErrorCodes.BadUrl, $"the PostgreSQL URL has an option Shelf does not know: '{key}'");
            }
        }

        return FromBuilder(builder);
    }

    private static Result<DatabaseTarget> FromNpgsqlConnectionString(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            return Error.Invalid(DatabaseErrorCodes.BadConnectionString, $"the PostgreSQL connection string is not valid: {e.Message}");
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            return Error.Invalid(DatabaseErrorCodes.NoHost, "the PostgreSQL connection string names no Host");
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            return Error.Invalid(DatabaseErrorCodes.NoDatabase, "the PostgreSQL connection string names no Database; add Database=library");
        }

        return FromBuilder(builder);
    }

    private static DatabaseTarget FromBuilder(NpgsqlConnectionStringBuilder builder)
    {
        // Name the application so an administrator can tell Shelf's sessions apart in pg_stat_activity.
        builder.ApplicationName ??= "shelf";

        // Statements a process runs again and again (every request of `shelf serve`) are prepared
        // once per connection instead of parsed and planned by the server each time: GET of a book
        // went from about 500 to about 980 requests/s on our 2-core machine (bench/web.sh's case).
        // A one-shot command rarely runs a statement the 5 times that takes, so pays nothing.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }
        var user = string.IsNullOrEmpty(builder.Username) ? Environment.UserName : builder.Username;
        var server = $"{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}";
        var location = $"postgres://{user}@{server}/{builder.Database}";
        return new DatabaseTarget(DatabaseProvider.Postgres, builder.ConnectionString, location, isDefaultLocation: false)
        {
            Server = server,
            DatabaseName = builder.Database,
        };
    }

    internal static string ExpandHome(string path, Func<string, string?> environment)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return home + path[1..];
        }

        return path;
    }

    // Never echo a password back, even in an error about the URL itself.
    internal static string MaskUrl(string url)
    {
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0)
        {
            return url;
        }

        var userInfo = url[(scheme + 3)..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? url : url[..(scheme + 3)] + userInfo[..colon] + ":***" + url[at..];
    }
}
