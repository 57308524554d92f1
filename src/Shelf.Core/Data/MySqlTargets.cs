using System.Globalization;
using MySql.Data.MySqlClient;
using Shelf.Core.Common;

namespace Shelf.Core.Data;

/// <summary>
/// Reads a MySQL or MariaDB target: <c>mysql://user[:password]@host[:3306]/library</c> (or
/// <c>mariadb://</c>), or a MySQL connection string, which is told from an Npgsql one by a
/// <c>mysql:</c>/<c>mariadb:</c> prefix or by keys only MySQL's driver knows (Uid, Pwd, port 3306, ...).
/// The password comes from the URL or connection string, else <c>MYSQL_PWD</c>, else the
/// <c>[client]</c> section of <c>~/.my.cnf</c>, as the mysql client itself looks for it.
/// </summary>
internal static class MySqlTargets
{
    private const uint DefaultPort = 3306;

    // Keys of a MySQL connection string that Npgsql does not take: one of them says which driver is meant.
    private static readonly string[] MySqlOnlyKeys = ["uid=", "pwd=", "characterset=", "charset=", "allowloadlocalinfile=", "sslmode=required", "allowuservariables=", "port=3306"];

    /// <summary>The connection string after a <c>mysql:</c> or <c>mariadb:</c> prefix, or null.</summary>
    public static string? StripPrefix(string given)
    {
        foreach (var prefix in (string[])["mysql:", "mariadb:"])
        {
            if (given.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !given.StartsWith(prefix + "//", StringComparison.OrdinalIgnoreCase))
            {
                return given[prefix.Length..];
            }
        }

        return null;
    }

    public static bool IsMySqlConnectionString(string text)
    {
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        return MySqlOnlyKeys.Any(key => compact.Contains(key, StringComparison.OrdinalIgnoreCase));
    }

    public static Result<DatabaseTarget> FromUrl(string url, Func<string, string?> environment)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return Error.Invalid(DatabaseErrorCodes.BadUrl, $"'{DatabaseTarget.MaskUrl(url)}' is not a MySQL URL; write it as mysql://user@host:3306/library");
        }

        var builder = new MySqlConnectionStringBuilder
        {
            Server = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : (uint)uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };

        if (string.IsNullOrEmpty(builder.Database))
        {
            return Error.Invalid(DatabaseErrorCodes.NoDatabase, "the MySQL URL names no database; add it after the host, as in mysql://user@host:3306/library");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.UserID = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            try
            {
                builder[key] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            }
            catch (ArgumentException)
            {
                return Error.Invalid(DatabaseErrorCodes.BadUrl, $"the MySQL URL has an option Shelf does not know: '{key}'");
            }
        }

        return Finish(builder, environment);
    }

    public static Result<DatabaseTarget> FromConnectionString(string text, Func<string, string?> environment)
    {
        MySqlConnectionStringBuilder builder;
        try
        {
            builder = new MySqlConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            return Error.Invalid(DatabaseErrorCodes.BadConnectionString, $"the MySQL connection string is not valid: {e.Message}");
        }

        if (string.IsNullOrEmpty(builder.Server))
        {
            return Error.Invalid(DatabaseErrorCodes.NoHost, "the MySQL connection string names no Server");
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            return Error.Invalid(DatabaseErrorCodes.NoDatabase, "the MySQL connection string names no Database; add Database=library");
        }

        return Finish(builder, environment);
    }

    private static DatabaseTarget Finish(MySqlConnectionStringBuilder builder, Func<string, string?> environment)
    {
        if (string.IsNullOrEmpty(builder.UserID))
        {
            builder.UserID = MyCnf(environment, "user") ?? environment("USER") ?? Environment.UserName;
        }

        if (string.IsNullOrEmpty(builder.Password))
        {
            var password = environment("MYSQL_PWD") ?? MyCnf(environment, "password");
            if (!string.IsNullOrEmpty(password))
            {
                builder.Password = password;
            }
        }

        // Text is utf8mb4 end to end (the database is created so too: ShelfDatabase.CreateAsync);
        // a connection in latin1 would turn Persian or Japanese into '?'.
        builder.CharacterSet = "utf8mb4";

        // The bulk writers send the import's rows as a LOAD DATA LOCAL stream.
        builder.AllowLoadLocalInfile = true;
        var server = $"{builder.Server}:{builder.Port.ToString(CultureInfo.InvariantCulture)}";
        var location = $"mysql://{builder.UserID}@{server}/{builder.Database}";
        return DatabaseTarget.MySql(builder.ConnectionString, location, server, builder.Database);
    }

    // The mysql client's option file: `key = value` lines under [client]; quotes optional.
    private static string? MyCnf(Func<string, string?> environment, string key)
    {
        var path = DatabaseTarget.ExpandHome("~/.my.cnf", environment);
        string[] lines;
        try
        {
            lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var inClient = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                inClient = string.Equals(line[1..^1].Trim(), "client", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (!inClient || equals < 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (string.Equals(line[..equals].Trim(), key, StringComparison.OrdinalIgnoreCase))
            {
                var value = line[(equals + 1)..].Trim();
                return value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
            }
        }

        return null;
    }
}
