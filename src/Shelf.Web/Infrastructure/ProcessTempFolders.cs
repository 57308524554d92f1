using System.Globalization;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// The temporary folders a web process keeps uploads in (import jobs, the import page's stash),
/// named with the process id, so that a later start can tell the leftovers of a process that
/// was killed (SIGKILL, a crash, a power cut never runs the clean-up on stop) from the folders
/// of a <c>shelf serve</c> still running beside it.
/// </summary>
internal static class ProcessTempFolders
{
    /// <summary>Folders older than this whose process cannot be told (named before the pid was in the name) are removed too.</summary>
    public static readonly TimeSpan UnownedAge = TimeSpan.FromDays(1);

    /// <summary>A new folder of this process for <paramref name="kind"/> (e.g. "shelf-uploads").</summary>
    public static string Create(string kind) =>
        Directory.CreateTempSubdirectory($"{kind}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-").FullName;

    /// <summary>
    /// Removes the <paramref name="kind"/> folders whose process has ended, and those older than
    /// <see cref="UnownedAge"/> that name no process; a folder it cannot remove stays.
    /// </summary>
    public static void RemoveLeftovers(string kind)
    {
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(Path.GetTempPath(), kind + "-*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var folder in folders)
        {
            if (IsLeftover(Path.GetFileName(folder)[(kind.Length + 1)..], folder))
            {
                TryDelete(folder);
            }
        }
    }

    // "<pid>-<random>" now; "<random>" from before the pid was in the name.
    private static bool IsLeftover(string rest, string folder)
    {
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return pid != Environment.ProcessId && !IsRunning(pid);
        }

        return Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow - UnownedAge;
    }

    // A process id that is reused keeps its folder until that process ends too: harmless, only late.
    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another user's, or in use: the system's cleaning of the temporary folder takes it later.
        }
    }
}
