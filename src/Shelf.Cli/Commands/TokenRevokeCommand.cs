using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Accounts;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf token revoke ID</c>: the next request that sends it is refused.</summary>
internal sealed class TokenRevokeCommand : ShelfCommand
{
    private readonly Argument<int> _id = new("id") { Description = "The token's id, from 'shelf token list'" };

    public TokenRevokeCommand(CliConsole console, GlobalOptions globals)
        : base("revoke", "Revoke an API token", console, globals)
    {
        Arguments.Add(_id);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<RevokeToken>(context, async revokeToken =>
        {
            var revoked = await revokeToken.ExecuteAsync(context.Get(_id), cancellationToken);
            if (FailIfError(context, revoked) is { } failed)
            {
                return failed;
            }

            context.WriteResult(revoked.Value, $"Revoked token {revoked.Value.Id} of {revoked.Value.User}");
            return ExitCodes.Ok;
        }, cancellationToken);
}
