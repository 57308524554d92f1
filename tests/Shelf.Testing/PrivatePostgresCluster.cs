using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace Shelf.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster in a temp directory, owned by this test process: initdb, then
/// a postmaster on a free loopback port with durability turned off (no Docker on our machines, so
/// no Testcontainers). It is stopped and deleted when the process exits.
/// </summary>
internal sealed class PrivatePostgresCluster
{
    private const string SuperUser = "postgres";
    private const string DirectoryPrefix = "shelf-pg-";
    private const int MaxLogLines = 400;

    // 0777: the postgres user must write where root created the directory.
    private const UnixFileMode ReadWriteExecuteForAll =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly string _root;
    private readonly string _dataDirectory;
    private readonly string _binDirectory;
    private readonly Queue<string> _log = new();
    private readonly Lock _logLock = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _postmaster;
    private int _stopped;

    private PrivatePostgresCluster(string binDirectory)
    {
        _binDirectory = binDirectory;
        _root = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
        _dataDirectory = Path.Combine(_root, "data");
        Password = RandomNumberGenerator.GetHexString(24, lowercase: true);
        Port = Network.FreeTcpPort();
    }

    public int Port { get; }

    public string Password { get; }

    /// <summary>Password login over TCP to the <c>postgres</c> database as the superuser.</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = Password,
        Database = "postgres",
    }.ConnectionString;

    /// <summary>Starts a cluster and waits until it accepts logins; throws with the server log when it does not.</summary>
    public static async Task<PrivatePostgresCluster> StartAsync(TimeSpan timeout)
    {
        SweepLeftovers();
        var cluster = new PrivatePostgresCluster(FindBinDirectory());

        // Registered first, so a half-started cluster is cleaned up too.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        try
        {
            await cluster.StartProcessesAsync();
            await cluster.WaitUntilReadyAsync(timeout);
            return cluster;
        }
        catch
        {
            cluster.Stop();
            throw;
        }
    }

    /// <summary>Fast shutdown (SIGINT to our postmaster only), SIGKILL if it lingers, then the temp directory goes.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            var postmaster = _postmaster;
            if (postmaster is not null && !postmaster.HasExited)
            {
                UnixProcess.Interrupt(postmaster.Id);
                if (!postmaster.WaitForExit(TimeSpan.FromSeconds(15)))
                {
                    postmaster.Kill(entireProcessTree: true);
                    postmaster.WaitForExit(TimeSpan.FromSeconds(5));
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
                // Leave it; the OS cleans temp eventually and a test must not fail over it.
            }
        }
    }

    // A test process killed outright never runs ProcessExit: setpriv's pdeathsig stops its
    // postmaster, but the directory stays. Remove those whose owner (the pid in the name) and
    // postmaster (the pid in postmaster.pid) are both gone.
    private static void SweepLeftovers()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var parts = Path.GetFileName(directory)[DirectoryPrefix.Length..].Split('-');
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                || IsRunning(owner)
                || IsRunning(PostmasterPid(directory)))
            {
                continue;
            }

            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else's, or already going: not ours to worry about.
            }
        }
    }

    private static int PostmasterPid(string directory)
    {
        var pidFile = Path.Combine(directory, "data", "postmaster.pid");
        try
        {
            var first = File.Exists(pidFile) ? File.ReadLines(pidFile).FirstOrDefault() : null;
            return int.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pid) ? Math.Abs(pid) : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static bool IsRunning(int pid) => pid > 0 && Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");

    private static string FindBinDirectory()
    {
        const string installRoot = "/usr/lib/postgresql";
        var candidates = Directory.Exists(installRoot) ? Directory.GetDirectories(installRoot) : [];
        var best = candidates
            .Select(directory => (Directory: directory, Version: int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1))
            .Where(c => c.Version > 0 && File.Exists(Path.Combine(c.Directory, "bin", "postgres")))
            .OrderByDescending(c => c.Version)
            .FirstOrDefault();
        return best.Directory is null
            ? throw new InvalidOperationException(
                $"No PostgreSQL found under {installRoot}; install it (apt-get install -y postgresql) or set {PostgresServer.EnvironmentVariable} to a connection string")
            : Path.Combine(best.Directory, "bin");
    }

    private Task<Process> StartProcessesAsync()
    {
        Directory.CreateDirectory(_root);

        // initdb runs as the postgres user when we are root: it must be able to create data/ here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_root, ReadWriteExecuteForAll);
        }

        return ServerLifetime.StartOnKeeperThread("shelf-test-postgres", () =>
        {
            InitializeDataDirectory();
            _postmaster = StartPostmaster();
            ServerLifetime.StartReaper(_postmaster.Id, _root);
            return _postmaster;
        }, _released.Task);
    }

    private void InitializeDataDirectory()
    {
        var passwordFile = Path.Combine(_root, "pwfile");
        File.WriteAllText(passwordFile, Password + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        try
        {
            using var initdb = Start("initdb",
            [
                "-D", _dataDirectory,
                "-U", SuperUser,
                "--pwfile=" + passwordFile,
                "--auth-local=trust",

                // Password logins over TCP, so a test can see a wrong password refused.
                "--auth-host=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ]);
            if (!initdb.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                initdb.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"initdb did not finish in 120 s.{Environment.NewLine}{Log}");
            }

            initdb.WaitForExit();
            if (initdb.ExitCode != 0)
            {
                throw new InvalidOperationException($"initdb failed with exit code {initdb.ExitCode}.{Environment.NewLine}{Log}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private Process StartPostmaster() => Start("postgres",
    [
        "-D", _dataDirectory,
        "-p", Port.ToString(CultureInfo.InvariantCulture),
        "-k", _dataDirectory,
        "-c", "listen_addresses=127.0.0.1",
        "-c", "fsync=off",
        "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off",

        // Every test class keeps a pool of connections to its own databases, and classes run in
        // parallel: with the loans tests the default 100 ran out ("too many clients already").
        "-c", "max_connections=400",
    ]);

    private Process Start(string program, IReadOnlyList<string> arguments)
    {
        var info = ServerLifetime.DiesWithThisProcess(Path.Combine(_binDirectory, program), UnixProcess.IsRoot ? SuperUser : null);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = _root;

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["LC_ALL"] = "C";
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        AppendLog($"$ {program} {string.Join(' ', arguments)}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var probe = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            if (_postmaster!.HasExited)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL exited with code {_postmaster.ExitCode} before accepting connections.{Environment.NewLine}{Log}");
            }

            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException e)
            {
                // Refused while the postmaster binds, then 57P03 "starting up" until recovery ends.
                last = e;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(
            $"PostgreSQL on 127.0.0.1:{Port} did not accept a login within {timeout.TotalSeconds} s (last error: {last?.Message}).{Environment.NewLine}{Log}");
    }

    private string Log
    {
        get
        {
            lock (_logLock)
            {
                return "--- PostgreSQL log ---" + Environment.NewLine + string.Join(Environment.NewLine, _log);
            }
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log.Enqueue(line);
            if (_log.Count > MaxLogLines)
            {
                _log.Dequeue();
            }
        }
    }
}
