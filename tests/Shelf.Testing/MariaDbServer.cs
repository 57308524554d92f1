using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using MySql.Data.MySqlClient;

namespace Shelf.Testing;

/// <summary>
/// The MariaDB server the tests use, shared by the whole test process: a private mariadbd in a
/// temp directory on a free port of 127.0.0.1 (no system service), started on first use and
/// stopped by its own pid (SIGTERM) when the process exits. Durability is off, as for PostgreSQL.
/// </summary>
public sealed class MariaDbServer
{
    private const string DirectoryPrefix = "shelf-mariadb-";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<Task<MariaDbServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _root;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _server;
    private int _stopped;

    private MariaDbServer()
    {
        _root = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
        Port = Network.FreeTcpPort();
    }

    public int Port { get; }

    /// <summary>"host:port", as Shelf's error messages name a server.</summary>
    public string Server => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Root over TCP, no database chosen.</summary>
    public string AdminConnectionString => new MySqlConnectionStringBuilder
    {
        Server = "127.0.0.1", Port = (uint)Port, UserID = "root", SslMode = MySqlSslMode.Disabled, CharacterSet = "utf8mb4",
    }.ConnectionString;

    public static Task<MariaDbServer> GetAsync() => Shared.Value;

    /// <summary>A new empty utf8mb4 database named <paramref name="prefix"/> plus a random suffix; its mysql:// address.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = $"{prefix}_{RandomNumberGenerator.GetHexString(12, lowercase: true)}";
        await using var connection = new MySqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Identifiers cannot be parameters; the name is ours, [a-z0-9_] only.
        command.CommandText = $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return AddressOf(name);
    }

    /// <summary>The mysql:// address of <paramref name="database"/> on this server (root, no password).</summary>
    public string AddressOf(string database) => $"mysql://root@{Server}/{database}";

    private static async Task<MariaDbServer> StartAsync()
    {
        SweepLeftovers();
        var server = new MariaDbServer();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        try
        {
            await server.StartProcessAsync();
            return server;
        }
        catch
        {
            server.Stop();
            throw;
        }
    }

    private async Task StartProcessAsync()
    {
        var data = Path.Combine(_root, "data");
        var temp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(temp);
        string[] common = ["--no-defaults", $"--datadir={data}", "--user=root", "--innodb-log-file-size=8M", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_bin"];
        var install = Run("mariadb-install-db", [.. common, "--auth-root-authentication-method=normal", "--skip-test-db"]);
        await install.WaitForExitAsync();
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"mariadb-install-db failed ({install.ExitCode}): {await install.StandardError.ReadToEndAsync()}");
        }

        // A test host that is killed, or whose ProcessExit comes too late, must not leave mariadbd
        // running: it gets SIGTERM when its forking thread dies, and a reaper removes the directory.
        string[] serverArguments =
        [
            common[0], common[1], $"--socket={Path.Combine(_root, "sock")}", $"--pid-file={Path.Combine(_root, "pid")}", $"--log-error={Path.Combine(_root, "err.log")}",
            $"--port={Port.ToString(CultureInfo.InvariantCulture)}", "--bind-address=127.0.0.1", "--user=root", "--skip-name-resolve",

            // Its internal temporary tables in a folder of its own: in the shared /tmp, something
            // else removing files there once failed statements with "Error on delete of '/tmp/#sql-temptable-…'".
            $"--tmpdir={temp}",
            common[3], common[4], common[5], "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0", "--local-infile=1",

            // Test classes run in parallel, each with a pool of its own (the default 151 ran out).
            "--max-connections=1000",
        ];
        _server = await ServerLifetime.StartOnKeeperThread("shelf-test-mariadb", () =>
        {
            var server = Run(UnixProcess.FindOnPath("mariadbd") ?? "/usr/sbin/mariadbd", serverArguments, tiedToThisProcess: true);
            ServerLifetime.StartReaper(server.Id, _root);
            return server;
        }, _released.Task);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await using var connection = new MySqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (MySqlException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(200);
            }
            catch (MySqlException e)
            {
                var log = Path.Combine(_root, "err.log");
                throw new InvalidOperationException($"the private MariaDB did not start: {e.Message}\n{(File.Exists(log) ? File.ReadAllText(log) : string.Empty)}", e);
            }
        }
    }

    // A test host may be ended before its exit handler has removed the directory (the server itself
    // stops: it gets SIGTERM first). Remove those whose owner, the pid in the name, is gone.
    private static void SweepLeftovers()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var owner = Path.GetFileName(directory)[DirectoryPrefix.Length..].Split('-')[0];
            if (int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !File.Exists($"/proc/{pid}/stat")
                && !File.Exists(Path.Combine(directory, "pid")))
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Someone else's, or already going.
                }
            }
        }
    }

    private static Process Run(string program, string[] arguments, bool tiedToThisProcess = false)
    {
        var path = UnixProcess.FindOnPath(program) ?? program;
        var start = tiedToThisProcess ? ServerLifetime.DiesWithThisProcess(path) : new ProcessStartInfo(path) { UseShellExecute = false };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start (apt-get install mariadb-server)");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>SIGTERM to our mariadbd only, SIGKILL if it lingers, then the temp directory goes.</summary>
    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            if (_server is { HasExited: false } server)
            {
                UnixProcess.Terminate(server.Id);
                if (!server.WaitForExit(TimeSpan.FromSeconds(15)))
                {
                    server.Kill();
                }
            }
        }
        finally
        {
            _released.TrySetResult();
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Leave it; a test must not fail over temp files.
            }
        }
    }
}
