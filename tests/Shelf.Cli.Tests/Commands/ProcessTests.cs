using System.Diagnostics;
using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// Runs the built <c>shelf</c> as its own process. In-process tests cannot catch a native SQLite
/// library that the published program fails to load (the test host resolves SQLitePCLRaw its own
/// way), a broken entry point or wrong exit codes.
/// </summary>
public sealed class ProcessTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task BuiltShelf_AddThenList_WorksOnASqliteFile()
    {
        var target = await fixture.NewDatabaseAsync();

        var added = await ShelfProcess.RunAsync("--db", target.FilePath!, "add", "Cien años de soledad", "--author", "Gabriel García Márquez", "--pages", "417");
        var listed = await ShelfProcess.RunAsync("--db", target.FilePath!, "list", "--json");
        var status = await ShelfProcess.RunAsync("--db", target.FilePath!, "db", "status", "--json");

        Assert.True(added.ExitCode == 0, added.Error);
        var book = JsonDocument.Parse(listed.Out).RootElement.EnumerateArray().Single();
        Assert.Equal("Cien años de soledad", book.GetProperty("title").GetString());
        Assert.Equal("Gabriel García Márquez", book.GetProperty("authors")[0].GetString());
        // The SQLite bundled with SQLitePCLRaw 2.1 (3.53): EF Core 10's JSON queries need 3.38 or later.
        var version = JsonDocument.Parse(status.Out).RootElement.GetProperty("serverVersion").GetString()!;
        Assert.StartsWith("SQLite 3.", version, StringComparison.Ordinal);
        Assert.True(new Version(version["SQLite ".Length..]) >= new Version(3, 38), version);
    }

    [Fact]
    public async Task BuiltShelf_SeveralProcessesAddingAtOnce_NoneSeesDatabaseLocked()
    {
        var target = await fixture.NewDatabaseAsync();
        Assert.Equal(0, (await ShelfProcess.RunAsync("--db", target.FilePath!, "add", "First", "--author", "Someone")).ExitCode);

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            ShelfProcess.RunAsync("--db", target.FilePath!, "add", $"Parallel {i}", "--author", "Shared New Author")));
        var listed = await ShelfProcess.RunAsync("--db", target.FilePath!, "list", "--json");

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.All(results, r => Assert.DoesNotContain("locked", r.Error, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(5, JsonDocument.Parse(listed.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task BuiltShelf_BadInput_ExitsWith2AndPrintsOneLineWithoutStackTrace()
    {
        var target = await fixture.NewDatabaseAsync();

        var result = await ShelfProcess.RunAsync("--db", target.FilePath!, "add", "A Book", "--author", "Someone", "--isbn", "9780261102218");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuiltShelf_OnAPseudoTerminal_LeavesTheKeypadAsItFoundIt()
    {
        var target = await fixture.NewDatabaseAsync();
        Assert.Equal(0, (await ShelfProcess.RunAsync("--db", target.FilePath!, "add", "Emma", "--author", "Jane Austen")).ExitCode);

        // script(1) runs the command on a pseudo-terminal and copies what it wrote there.
        var info = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add("-qec");
        info.ArgumentList.Add($"dotnet '{ShelfProcess.ShelfDll}' --db '{target.FilePath}' list");
        info.ArgumentList.Add("/dev/null");
        info.Environment["TERM"] = "xterm-256color";
        info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using var script = Process.Start(info)!;
        script.StandardInput.Close();
        var screen = await script.StandardOutput.ReadToEndAsync();
        await script.WaitForExitAsync();

        Assert.Equal(0, script.ExitCode);
        Assert.Contains("Emma", screen, StringComparison.Ordinal);
        var lastOn = screen.LastIndexOf("\u001b[?1h", StringComparison.Ordinal);
        var lastOff = screen.LastIndexOf("\u001b[?1l", StringComparison.Ordinal);
        Assert.True(lastOn < lastOff, $"keypad left in application mode: {screen.Replace("\u001b", "ESC", StringComparison.Ordinal)}");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task BuiltShelf_LibraryTheUserCanOnlyRead_ListsItAndRefusesWrites()
    {
        var folder = Directory.CreateTempSubdirectory("shelf-readable-").FullName;
        var path = Path.Combine(folder, "library.db");
        try
        {
            Assert.Equal(0, (await ShelfProcess.RunAsync("--db", path, "add", "Emma", "--author", "Jane Austen")).ExitCode);
            Assert.False(File.Exists(path + "-wal"));
            var readOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            File.SetUnixFileMode(path, readOnly);
            File.SetUnixFileMode(folder, readOnly | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            var before = await File.ReadAllBytesAsync(path);

            // root may write anything, so as root the test reads as the unprivileged 'nobody'.
            string[] asReader = Environment.UserName == "root" ? ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] : [];
            var listed = await ShelfProcess.RunAsync(asReader, "--db", path, "list", "--json");
            var shown = await ShelfProcess.RunAsync(asReader, "--db", path, "show", "1");
            var added = await ShelfProcess.RunAsync(asReader, "--db", path, "add", "Persuasion", "--author", "Jane Austen");

            Assert.True(listed.ExitCode == 0, listed.Error);
            Assert.Equal("Emma", JsonDocument.Parse(listed.Out).RootElement.EnumerateArray().Single().GetProperty("title").GetString());
            Assert.Equal(0, shown.ExitCode);
            Assert.Equal(1, added.ExitCode);
            Assert.Contains("read-only", Assert.Single(added.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task BuiltShelf_ReadOnlyFolder_ExitsWith1NamingThePath()
    {
        var folder = Directory.CreateTempSubdirectory("shelf-readonly-").FullName;
        try
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            var path = Path.Combine(folder, "library.db");

            // root ignores permissions, so as root the test runs shelf as the unprivileged 'nobody'.
            var result = Environment.UserName == "root"
                ? await ShelfProcess.RunAsync(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"], "--db", path, "list")
                : await ShelfProcess.RunAsync("--db", path, "list");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(path, result.Error, StringComparison.Ordinal);
            Assert.Contains("read-only", result.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(path));
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Starts the shelf.dll that the Shelf.Cli project built, as a user would.</summary>
internal static class ShelfProcess
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync([], args);

    /// <summary>Starts <c>shelf args...</c> and returns at once, with stdout and stderr being collected.</summary>
    public static RunningShelf Start(params string[] args)
    {
        var process = Launch(args);
        return new RunningShelf(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    /// <summary>Starts <c>shelf args...</c> with its three streams redirected and its input closed; the caller reads the output.</summary>
    public static Process Launch(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ShelfDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        var process = Process.Start(info)!;
        process.StandardInput.Close();
        return process;
    }

    public static async Task<CliResult> RunAsync(string[] prefix, params string[] args)
    {
        var info = new ProcessStartInfo(prefix.Length > 0 ? prefix[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var part in prefix.Skip(1))
        {
            info.ArgumentList.Add(part);
        }

        if (prefix.Length > 0)
        {
            info.ArgumentList.Add("dotnet");
        }

        // Another user may not reach the checkout (a clone under a 0700 folder): give it a copy.
        info.ArgumentList.Add(prefix.Length > 0 ? ReachableShelfDll.Value : ShelfDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    private static readonly Lazy<string> ReachableShelfDll = new(CopyForOtherUsers);

    private static string CopyForOtherUsers()
    {
        var source = Path.GetDirectoryName(ShelfDll)!;
        var copy = TempFiles.NewPath("shelf-cli", string.Empty);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        if (!OperatingSystem.IsWindows())
        {
            var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            for (var folder = copy; folder.Length > Path.GetTempPath().TrimEnd('/').Length; folder = Path.GetDirectoryName(folder)!)
            {
                File.SetUnixFileMode(folder, open);
            }

            foreach (var folder in Directory.EnumerateDirectories(copy, "*", SearchOption.AllDirectories))
            {
                File.SetUnixFileMode(folder, open);
            }
        }

        return Path.Combine(copy, Path.GetFileName(ShelfDll));
    }

    /// <summary>The CLI's own build output (same configuration as the tests), not a copy in the test folder.</summary>
    internal static string ShelfDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(RepositoryPaths.Root, "src", "Shelf.Cli", "bin", configuration, "net10.0", "shelf.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build Shelf.Cli first: {path} is missing.");
        }
    }
}

/// <summary>A shelf process a test started and will end, by its own pid only.</summary>
internal sealed class RunningShelf(Process process, Task<string> output, Task<string> error) : IDisposable
{
    public Process Process { get; } = process;

    public bool HasExited => Process.HasExited;

    /// <summary>Waits for the process to end on its own (two minutes at most) and returns what it printed.</summary>
    public async Task<CliResult> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await Process.WaitForExitAsync(timeout.Token);
        return new CliResult(Process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
            Process.WaitForExit();
        }

        Process.Dispose();
    }
}
