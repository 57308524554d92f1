using System.Diagnostics;
using System.Globalization;

namespace Shelf.Testing;

/// <summary>
/// Ties a private database server (PostgreSQL, MariaDB) to the test process that started it, so a
/// test run that is killed or ends before its ProcessExit handler finishes leaves no server and no
/// temp directory behind.
/// </summary>
internal static class ServerLifetime
{
    /// <summary>
    /// Runs <paramref name="start"/> on a thread of its own that lives until <paramref name="released"/>
    /// completes. setpriv's --pdeathsig fires when the *thread* that forked the server exits, not the
    /// process, so the forking thread must outlive the server.
    /// </summary>
    public static Task<T> StartOnKeeperThread<T>(string name, Func<T> start, Task released)
    {
        var started = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                started.SetResult(start());
            }
            catch (Exception e)
            {
                started.SetException(e);
                return;
            }

            released.Wait();
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return started.Task;
    }

    /// <summary>
    /// Start information for <paramref name="program"/> that gets SIGTERM when its forking thread
    /// dies (setpriv --pdeathsig), optionally as <paramref name="runAs"/>. setpriv execs, so the pid
    /// of the started process is the program's own.
    /// </summary>
    public static ProcessStartInfo DiesWithThisProcess(string program, string? runAs = null)
    {
        var info = new ProcessStartInfo { UseShellExecute = false };
        var setpriv = UnixProcess.FindOnPath("setpriv");
        if (setpriv is null)
        {
            if (runAs is not null)
            {
                throw new InvalidOperationException($"{Path.GetFileName(program)} must run as {runAs} and setpriv (util-linux) is missing to drop privileges");
            }

            info.FileName = program;
            return info;
        }

        info.FileName = setpriv;
        if (runAs is not null)
        {
            foreach (var option in new[] { "--reuid=" + runAs, "--regid=" + runAs, "--init-groups" })
            {
                info.ArgumentList.Add(option);
            }
        }

        info.ArgumentList.Add("--pdeathsig=TERM");
        info.ArgumentList.Add(program);
        return info;
    }

    /// <summary>
    /// The test host gives ProcessExit about 100 ms before it is killed (VSTEST_TESTHOST_SHUTDOWN_TIMEOUT),
    /// often too little to stop a server and delete its files. A small detached shell, in a session
    /// of its own, waits for this process and then for the server (by pid) to be gone, and deletes
    /// <paramref name="root"/>. It never signals anything and gives up after 30 s.
    /// </summary>
    public static void StartReaper(int serverPid, string root)
    {
        var setsid = UnixProcess.FindOnPath("setsid");
        if (setsid is null)
        {
            return;
        }

        const string script =
            """
            while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
            i=0
            while kill -0 "$2" 2>/dev/null && [ "$i" -lt 60 ]; do sleep 0.5; i=$((i+1)); done
            kill -0 "$2" 2>/dev/null || rm -rf -- "$3"
            """;
        var info = new ProcessStartInfo(setsid)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-f", "/bin/sh", "-c", script, "shelf-test-reaper",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            serverPid.ToString(CultureInfo.InvariantCulture),
            root,
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var reaper = Process.Start(info);
    }
}
