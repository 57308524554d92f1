using System.Diagnostics;
using System.Globalization;
using Shelf.Testing;

namespace Shelf.Web.Tests;

/// <summary>
/// Start-up removes the upload folders a killed web process left in the temporary folder, and
/// keeps those of processes still running.
/// </summary>
public sealed class TempFolderLeftoversTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task Start_RemovesFoldersOfEndedProcessesAndOldUnownedOnes_KeepsTheRest()
    {
        var ended = await EndedProcessIdAsync();
        var suffix = Guid.NewGuid().ToString("N");
        var deadJobs = Folder($"shelf-import-jobs-{ended}-{suffix}", withFile: true);
        var deadStash = Folder($"shelf-uploads-{ended}-{suffix}", withFile: true);
        var oldUnowned = Folder($"shelf-uploads-{suffix}", withFile: false);
        Directory.SetLastWriteTimeUtc(oldUnowned, DateTime.UtcNow.AddDays(-2));
        var newUnowned = Folder($"shelf-import-jobs-{suffix}", withFile: false);
        var running = Folder($"shelf-import-jobs-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{suffix}", withFile: true);
        try
        {
            await using var site = await WebSite.StartAsync(fixture);

            Assert.False(Directory.Exists(deadJobs));
            Assert.False(Directory.Exists(deadStash));
            Assert.False(Directory.Exists(oldUnowned));
            Assert.True(Directory.Exists(newUnowned));
            Assert.True(Directory.Exists(running));
        }
        finally
        {
            foreach (var folder in new[] { deadJobs, deadStash, oldUnowned, newUnowned, running }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Folder(string name, bool withFile)
    {
        var path = Path.Combine(Path.GetTempPath(), name);
        Directory.CreateDirectory(path);
        if (withFile)
        {
            File.WriteAllText(Path.Combine(path, "left.upload"), "title\n");
        }

        return path;
    }

    private static async Task<int> EndedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
