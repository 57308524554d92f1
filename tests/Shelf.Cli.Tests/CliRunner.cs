using Shelf.Cli.Infrastructure;

namespace Shelf.Cli.Tests;

/// <summary>What one run of <c>shelf</c> printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Runs the real command tree in process against real databases, with its own streams and
/// environment, as a user at a pipe (or, with <see cref="Terminal"/>, at a terminal) would.
/// </summary>
public sealed class CliRunner(string database)
{
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal) { ["HOME"] = Path.GetTempPath() };

    public string Database { get; } = database;

    public bool Terminal { get; init; }

    public string Input { get; init; } = string.Empty;

    public CliRunner With(string variable, string? value)
    {
        _environment[variable] = value;
        return this;
    }

    /// <summary>Runs <c>shelf --db DATABASE args...</c>.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunRawAsync(["--db", Database, .. args]);

    /// <summary>Runs <c>shelf args...</c> without adding --db.</summary>
    public async Task<CliResult> RunRawAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole
        {
            Out = output,
            Error = error,
            In = new StringReader(Input),
            OutputIsTerminal = Terminal,
            InputIsTerminal = Terminal,
            Environment = name => _environment.GetValueOrDefault(name),
        };
        var exitCode = await ShelfApp.RunAsync(args, console, CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
