using System.CommandLine;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf help [COMMAND...]</c>: the same as <c>shelf COMMAND... --help</c>, as in git and gh.</summary>
internal sealed class HelpCommand : Command
{
    private readonly Argument<string[]> _command = new("command")
    {
        Description = "The command to explain, e.g. 'sale list'; none for the list of commands",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <param name="run">Runs a whole command line, so an unknown command gets the usual "did you mean".</param>
    public HelpCommand(Func<string[], CancellationToken, Task<int>> run)
        : base("help", "Show help for a command")
    {
        Arguments.Add(_command);
        SetAction((parse, cancellationToken) =>
        {
            string[] words = parse.GetValue(_command) ?? [];

            // Help for a command that does not exist is the error (and suggestion) of typing it.
            return run(NamesACommand(parse.RootCommandResult.Command, words) ? [.. words, "--help"] : words, cancellationToken);
        });
    }

    private static bool NamesACommand(Command root, string[] words)
    {
        var command = root;
        foreach (var word in words)
        {
            command = command.Subcommands.FirstOrDefault(c => c.Name == word || c.Aliases.Contains(word));
            if (command is null)
            {
                return false;
            }
        }

        return true;
    }
}
