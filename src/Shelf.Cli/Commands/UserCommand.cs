using System.CommandLine;
using Shelf.Cli.Infrastructure;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf user add|list|remove|passwd|role</c>: who may use the web app.</summary>
internal sealed class UserCommand : Command
{
    public UserCommand(CliConsole console, GlobalOptions globals)
        : base("user", "Manage who may log in to the web app ('shelf serve') and with which role")
    {
        Subcommands.Add(new UserAddCommand(console, globals));
        Subcommands.Add(new UserListCommand(console, globals));
        Subcommands.Add(new UserRemoveCommand(console, globals));
        Subcommands.Add(new UserPasswdCommand(console, globals));
        Subcommands.Add(new UserRoleCommand(console, globals));
    }
}
