using Spectre.Console;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// Everything a command reads from or writes to the outside: streams, whether they are
/// terminals, and environment variables. Commands never touch <see cref="Console"/> or the
/// static <see cref="AnsiConsole"/>, so tests run them in process with their own streams.
/// </summary>
internal sealed class CliConsole
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required TextReader In { get; init; }

    public bool OutputIsTerminal { get; init; }

    public bool InputIsTerminal { get; init; }

    /// <summary>Whether stderr is a terminal: progress bars go there, and only then.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Standard input as bytes, for <c>shelf import -</c>; null where there is none (tests).</summary>
    public Func<Stream>? OpenInput { get; init; }

    /// <summary>Standard output as bytes, for exports; null means write through <see cref="Out"/> (tests).</summary>
    public Func<Stream>? OpenOutput { get; init; }

    public required Func<string, string?> Environment { get; init; }

    /// <summary>Reads a line from the terminal without echoing it (a password); null means read <see cref="In"/> (tests).</summary>
    public Func<string?>? ReadSecretLine { get; init; }

    /// <summary>Honours https://no-color.org: any non-empty NO_COLOR turns colour off.</summary>
    public bool NoColor => !string.IsNullOrEmpty(Environment("NO_COLOR"));

    /// <summary>The process's own console.</summary>
    public static CliConsole System() => new()
    {
        Out = global::System.Console.Out,
        Error = global::System.Console.Error,
        In = global::System.Console.In,
        OutputIsTerminal = !global::System.Console.IsOutputRedirected,
        InputIsTerminal = !global::System.Console.IsInputRedirected,
        ErrorIsTerminal = !global::System.Console.IsErrorRedirected,
        OpenInput = global::System.Console.OpenStandardInput,
        OpenOutput = global::System.Console.OpenStandardOutput,
        Environment = global::System.Environment.GetEnvironmentVariable,
        ReadSecretLine = ReadWithoutEcho,
    };

    private static string? ReadWithoutEcho()
    {
        var line = new global::System.Text.StringBuilder();
        while (true)
        {
            var key = global::System.Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return line.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                line.Length = Math.Max(0, line.Length - 1);
            }
            else if (key.Key == ConsoleKey.D && key.Modifiers == ConsoleModifiers.Control && line.Length == 0)
            {
                return null;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                line.Append(key.KeyChar);
            }
        }
    }

    /// <summary>An interactive Spectre console on stderr, for progress bars; only call it when <see cref="ErrorIsTerminal"/>.</summary>
    public IAnsiConsole CreateProgressConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Ansi = AnsiSupport.Detect,
        ColorSystem = NoColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
    });

    /// <summary>A Spectre console over <see cref="Out"/> for tables; plain, colourless text when not a terminal.</summary>
    public IAnsiConsole CreateAnsiConsole()
    {
        var colour = OutputIsTerminal && !NoColor;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
    }
}
