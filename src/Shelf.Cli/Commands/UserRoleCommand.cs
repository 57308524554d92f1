using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Accounts;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf user role NAME owner|editor|viewer</c>.</summary>
internal sealed class UserRoleCommand : ShelfCommand
{
    private readonly Argument<string> _name = new("name") { Description = "The user" };
    private readonly Argument<string> _role = new("role") { Description = "owner, editor or viewer" };

    public UserRoleCommand(CliConsole console, GlobalOptions globals)
        : base("role", "Give a user another role; it applies to their sessions at once", console, globals)
    {
        Arguments.Add(_name);
        Arguments.Add(_role);
        _role.CompletionSources.Add("owner", "editor", "viewer");
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ChangeUserRole>(context, async changeRole =>
        {
            var changed = await changeRole.ExecuteAsync(context.Get(_name), context.Get(_role), cancellationToken);
            if (FailIfError(context, changed) is { } failed)
            {
                return failed;
            }

            context.WriteResult(changed.Value, $"{changed.Value.Name} is now {changed.Value.Role}");
            return ExitCodes.Ok;
        }, cancellationToken);
}
