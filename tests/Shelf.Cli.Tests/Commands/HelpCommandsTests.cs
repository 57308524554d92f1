using System.Diagnostics;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary><c>shelf help</c>, "did you mean" for a mistyped command or option, and shell completion.</summary>
public sealed class HelpCommandsTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Theory]
    [InlineData("list")]
    [InlineData("sale", "report")]
    [InlineData("author", "merge")]
    public async Task Help_Command_PrintsTheSameAsItsHelpOption(params string[] command)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var help = await shelf.RunAsync(["help", .. command]);
        var option = await shelf.RunAsync([.. command, "--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:", help.Out, StringComparison.Ordinal);
        Assert.Equal(option.Out, help.Out);
    }

    [Theory]
    [InlineData("error: 'lsit' is not a command of 'shelf'; did you mean 'list'? See 'shelf --help'", "lsit")]
    [InlineData("error: 'improt' is not a command of 'shelf'; did you mean 'import'? See 'shelf --help'", "improt", "x.csv")]
    [InlineData("error: 'autor' is not a command of 'shelf'; did you mean 'author'? See 'shelf --help'", "autor", "show", "x")]
    [InlineData("error: 'lsit' is not a command of 'shelf sale'; did you mean 'list'? See 'shelf sale --help'", "sale", "lsit")]
    [InlineData("error: '--limt' is not an option of 'shelf list'; did you mean '--limit'? See 'shelf list --help'", "list", "--limt", "5")]
    [InlineData("error: '--jsn' is not an option of 'shelf sale list'; did you mean '--json'? See 'shelf sale list --help'", "sale", "list", "--jsn")]
    [InlineData("error: 'xyzzy' is not a command of 'shelf'; see 'shelf --help'", "xyzzy")]
    [InlineData("error: 'lsit' is not a command of 'shelf'; did you mean 'list'? See 'shelf --help'", "help", "lsit")]
    public async Task Mistyped_CommandOrOption_SuggestsTheNearestUnderItsParent(string expected, params string[] args)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Error.TrimEnd());
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Completion_UnknownShell_ExitsWith2NamingTheShellsItKnows()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("completion", "tcsh");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'bash'", result.Error, StringComparison.Ordinal);
        Assert.Contains("'fish'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zsh", "compdef _shelf shelf")]
    [InlineData("fish", "complete -c shelf")]
    public async Task Completion_ZshAndFish_PrintScriptsThatAskShelfThroughTheSuggestDirective(string shell, string registers)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync("completion", shell);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(registers, result.Out, StringComparison.Ordinal);
        Assert.Contains("[suggest:", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [InlineData("shelf li", "list")]
    [InlineData("shelf sale rep", "report")]
    [InlineData("shelf list --li", "--limit")]
    public async Task Completion_Bash_CompletesWithTheBuiltShelf(string line, string expected)
    {
        // A real bash sources the script and runs its completion function against the built
        // shelf, found on PATH as a shell would find an installed one.
        var bin = TempFiles.NewPath("completion-bin", string.Empty);
        Directory.CreateDirectory(bin);
        var wrapper = Path.Combine(bin, "shelf");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexec dotnet '{ShelfProcess.ShelfDll}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var script = TempFiles.NewPath("completion", ".bash");
        await File.WriteAllTextAsync(script, Shelf.Cli.Commands.CompletionCommand.Script("bash"));
        var words = line.Split(' ');
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(
            $"source '{script}'; COMP_LINE='{line}'; COMP_POINT={line.Length}; COMP_WORDS=({string.Join(' ', words)}); COMP_CWORD={words.Length - 1}; _shelf_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\"");
        info.Environment["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}";
        info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();

        using var bash = Process.Start(info)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.Equal(0, bash.ExitCode);
        Assert.Contains(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
