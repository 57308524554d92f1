using System.CommandLine;
using Shelf.Cli.Infrastructure;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf author show|rename|merge</c>.</summary>
internal sealed class AuthorCommand : Command
{
    public AuthorCommand(CliConsole console, GlobalOptions globals)
        : base("author", "Show, rename or merge an author")
    {
        Subcommands.Add(new AuthorShowCommand(console, globals));
        Subcommands.Add(new AuthorRenameCommand(console, globals));
        Subcommands.Add(new AuthorMergeCommand(console, globals));
    }
}
