using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Accounts;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf token create --user NAME [--label TEXT]</c>: the secret alone on standard output, so
/// <c>TOKEN=$(shelf token create --user ann)</c> works; it is never shown again.
/// </summary>
internal sealed class TokenCreateCommand : ShelfCommand
{
    private readonly Option<string> _user = new("--user") { Description = "The user the token acts as (with their role)", Required = true };
    private readonly Option<string> _label = new("--label") { Description = "What the token is for, shown in 'shelf token list'" };

    public TokenCreateCommand(CliConsole console, GlobalOptions globals)
        : base("create", "Create an API token and print it (only this once)", console, globals)
    {
        Options.Add(_user);
        Options.Add(_label);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<CreateToken>(context, async createToken =>
        {
            var created = await createToken.ExecuteAsync(context.Get(_user), context.Get(_label), cancellationToken);
            if (FailIfError(context, created) is { } failed)
            {
                return failed;
            }

            if (context.Mode == OutputMode.Json)
            {
                JsonOutput.Write(context.Console.Out, created.Value);
            }
            else
            {
                context.Console.Out.WriteLine(created.Value.Secret);
                context.Note($"token {created.Value.Token.Id} for {created.Value.Token.User}; it is shown only now, so keep it somewhere safe");
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
