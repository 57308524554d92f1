using System.CommandLine;
using Shelf.Cli.Infrastructure;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf token create|list|revoke</c>: API tokens for scripts.</summary>
internal sealed class TokenCommand : Command
{
    public TokenCommand(CliConsole console, GlobalOptions globals)
        : base("token", "Manage API tokens, which scripts send as 'Authorization: Bearer <token>'")
    {
        Subcommands.Add(new TokenCreateCommand(console, globals));
        Subcommands.Add(new TokenListCommand(console, globals));
        Subcommands.Add(new TokenRevokeCommand(console, globals));
    }
}
