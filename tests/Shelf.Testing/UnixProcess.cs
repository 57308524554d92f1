using System.Runtime.InteropServices;

namespace Shelf.Testing;

/// <summary>The few POSIX calls .NET does not offer: sending a signal other than SIGKILL.</summary>
public static class UnixProcess
{
    private const int SigInt = 2;

    private const int SigTerm = 15;

    /// <summary>True when this process runs as root, where PostgreSQL refuses to run without dropping privileges.</summary>
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Sends SIGINT to one process, by pid; never to a group or by name.</summary>
    public static bool Interrupt(int pid) => pid > 0 && Kill(pid, SigInt) == 0;

    /// <summary>Sends SIGTERM (what systemd and container runtimes send to stop a service) to one process, by pid.</summary>
    public static bool Terminate(int pid) => pid > 0 && Kill(pid, SigTerm) == 0;

    /// <summary>Finds an executable on PATH, as a shell would.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
