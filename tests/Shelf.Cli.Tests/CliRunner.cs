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

    /// <summary>Standard error is a terminal (where progress bars are drawn), whatever <see cref="Terminal"/> says.</summary>
    public bool ErrorTerminal { get; init; }

    public string Input { get; init; } = string.Empty;

    /// <summary>Standard input as a reader of the test's own (one that blocks, say); else <see cref="Input"/>.</summary>
    public TextReader? InputReader { get; init; }

    public CliRunner With(string variable, string? value)
    {
        _environment[variable] = value;
        return this;
    }

    /// <summary>Runs <c>shelf --db DATABASE args...</c>.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunRawAsync(["--db", Database, .. args]);

    /// <summary>Runs <c>shelf args...</c> without adding --db.</summary>
    public Task<CliResult> RunRawAsync(params string[] args) => RunRawAsync(args, CancellationToken.None);

    /// <summary>The same, cancelled (as Ctrl+C cancels it) through <paramref name="cancellationToken"/>.</summary>
    public async Task<CliResult> RunRawAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole
        {
            Out = output,
            Error = error,
            In = InputReader ?? new StringReader(Input),
            OutputIsTerminal = Terminal,
            InputIsTerminal = Terminal,
            ErrorIsTerminal = ErrorTerminal,
            Environment = name => _environment.GetValueOrDefault(name),
        };
        var exitCode = await ShelfApp.RunAsync(args, console, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
