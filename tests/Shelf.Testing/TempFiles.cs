using System.Globalization;

namespace Shelf.Testing;

/// <summary>Paths for files a test writes (inputs, exports), in one folder of this test process that goes when it exits.</summary>
public static class TempFiles
{
    private static readonly Lazy<string> Folder = new(CreateFolder);

    /// <summary>A new path (the file is not created) such as <c>.../shelf-tests-123/export-ab12.csv</c>.</summary>
    public static string NewPath(string prefix, string extension = ".csv") =>
        Path.Combine(Folder.Value, $"{prefix}-{Guid.NewGuid():N}{extension}");

    private static string CreateFolder()
    {
        SweepLeftovers();
        var folder = Path.Combine(Path.GetTempPath(), $"shelf-tests-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open at exit; the next test run sweeps it.
            }
        };
        return folder;
    }

    // The test host may be killed before ProcessExit finishes: remove the folders of test
    // processes that are gone (the pid is in the name).
    private static void SweepLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "shelf-tests-*"))
        {
            if (int.TryParse(Path.GetFileName(folder)["shelf-tests-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && !Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}"))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Someone else's, or going already.
                }
            }
        }
    }
}
