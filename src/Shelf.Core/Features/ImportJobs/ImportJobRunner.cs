using System.Diagnostics;

namespace Shelf.Core.Features.ImportJobs;

/// <summary>
/// Which server process runs a job: an id unique to one start of the process, and its machine
/// and pid, so that a server on the same machine can tell whether it still runs.
/// </summary>
public sealed record ImportJobRunner(string Instance, string Machine, int Pid)
{
    /// <summary>This process.</summary>
    public static ImportJobRunner Current { get; } = new(Guid.NewGuid().ToString("N"), Environment.MachineName, Environment.ProcessId);

    /// <summary>
    /// Whether the process is known to run: this process, or one on this machine with that pid
    /// which started before the job was created (a later process has only reused the pid).
    /// </summary>
    internal static bool IsRunningHere(string instance, string machine, int pid, DateTime createdAt)
    {
        if (instance == Current.Instance)
        {
            return true;
        }

        if (!string.Equals(machine, Current.Machine, StringComparison.Ordinal) || pid <= 0)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && process.StartTime.ToUniversalTime() <= createdAt.AddSeconds(1);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }
}
