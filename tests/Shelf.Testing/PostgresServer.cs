using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace Shelf.Testing;

/// <summary>
/// The PostgreSQL server the tests use, shared by the whole test process. By default it is a
/// private PostgreSQL started on first use on a free port of 127.0.0.1 and removed when the
/// process exits; when <c>SHELF_TEST_POSTGRES</c> holds an Npgsql connection string, it is that
/// existing server instead (the user needs the right to create databases).
/// </summary>
public sealed class PostgresServer
{
    /// <summary>Names an existing server to use instead of starting one.</summary>
    public const string EnvironmentVariable = "SHELF_TEST_POSTGRES";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(string adminConnectionString, bool isPrivate)
    {
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString);
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        AdminConnectionString = builder.ConnectionString;
        Host = builder.Host ?? "localhost";
        Port = builder.Port;
        Password = builder.Password ?? string.Empty;
        IsPrivate = isPrivate;
    }

    /// <summary>Superuser (or CREATEDB) connection string to the <c>postgres</c> database, with password.</summary>
    public string AdminConnectionString { get; }

    public string Host { get; }

    public int Port { get; }

    /// <summary>The password of the admin user; empty when the server does not need one.</summary>
    public string Password { get; }

    /// <summary>True when this process started the server and will remove it at exit.</summary>
    public bool IsPrivate { get; }

    /// <summary>"host:port", as Shelf's error messages name a server.</summary>
    public string Server => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The shared server, started by the first caller; every caller gets the same instance.</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>The connection string for <paramref name="database"/> on this server, with the admin login.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    /// <summary>
    /// Creates an empty database named <paramref name="prefix"/> plus a random suffix and returns
    /// its connection string (with password).
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = UniqueName(prefix);
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Identifiers cannot be parameters; UniqueName leaves only [a-z0-9_].
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, ending any session still in it.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not a database this class created", nameof(connectionString));
        }

        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var existing = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(existing))
        {
            return new PostgresServer(existing, isPrivate: false);
        }

        var cluster = await PrivatePostgresCluster.StartAsync(StartTimeout);
        return new PostgresServer(cluster.AdminConnectionString, isPrivate: true);
    }

    private static string UniqueName(string prefix)
    {
        var clean = new string([.. prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0]))
        {
            clean = "db_" + clean;
        }

        // PostgreSQL identifiers hold 63 bytes.
        return $"{clean[..Math.Min(clean.Length, 48)]}_{RandomNumberGenerator.GetHexString(12, lowercase: true)}";
    }
}
