using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Accounts;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf user remove NAME [--yes]</c>.</summary>
internal sealed class UserRemoveCommand : ShelfCommand
{
    private readonly Argument<string> _name = new("name") { Description = "The user to remove" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Do not ask for confirmation" };

    public UserRemoveCommand(CliConsole console, GlobalOptions globals)
        : base("remove", "Remove a user and their API tokens", console, globals)
    {
        Arguments.Add(_name);
        Options.Add(_yes);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var yes = context.Get(_yes);
        if (context.Unconfirmed(yes, "removing a user") is { } unconfirmed)
        {
            return context.Fail(unconfirmed);
        }

        if (!yes && await context.ConfirmAsync($"Remove user {context.Get(_name)} and their API tokens?", cancellationToken) is { } stopped)
        {
            return stopped;
        }

        return await WithDatabaseAsync<RemoveUser>(context, async removeUser =>
        {
            var removed = await removeUser.ExecuteAsync(context.Get(_name), cancellationToken);
            if (FailIfError(context, removed) is { } failed)
            {
                return failed;
            }

            context.WriteResult(removed.Value, $"Removed {removed.Value.Name}");
            return ExitCodes.Ok;
        }, cancellationToken);
    }
}
