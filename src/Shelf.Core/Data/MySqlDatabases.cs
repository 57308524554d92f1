using MySql.Data.MySqlClient;

namespace Shelf.Core.Data;

/// <summary>Creates a MySQL or MariaDB library's database on its server.</summary>
internal static class MySqlDatabases
{
    /// <summary>
    /// Creates the target's database when it is missing; returns whether it had to. EF's own
    /// creator names no character set, and a server whose default is latin1 would then store
    /// Persian or Japanese as '?': the database is made utf8mb4, binary collation, explicitly.
    /// </summary>
    public static async Task<bool> CreateAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        var name = target.DatabaseName!;
        var builder = new MySqlConnectionStringBuilder(target.ConnectionString) { Database = string.Empty };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.schemata WHERE schema_name = @name";
        command.Parameters.AddWithValue("@name", name);
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return false;
        }

        // An identifier cannot be a parameter; backquotes are doubled inside one.
        command.CommandText = $"CREATE DATABASE IF NOT EXISTS {Quote(name)} CHARACTER SET utf8mb4 COLLATE {MySqlShelfDb.Collation}";
        command.Parameters.Clear();
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>A MySQL identifier in backquotes.</summary>
    public static string Quote(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";
}
