using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Accounts;
using Spectre.Console;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf token list [--user NAME]</c>: ids, owners, labels and how each secret starts; never the secrets.</summary>
internal sealed class TokenListCommand : ShelfCommand
{
    private readonly Option<string> _user = new("--user") { Description = "Only this user's tokens" };

    public TokenListCommand(CliConsole console, GlobalOptions globals)
        : base("list", "List the API tokens (never their secrets)", console, globals)
    {
        Options.Add(_user);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListTokens>(context, async listTokens =>
        {
            var tokens = await listTokens.ExecuteAsync(context.Get(_user), cancellationToken);
            if (FailIfError(context, tokens) is { } failed)
            {
                return failed;
            }

            if (context.Mode == OutputMode.Json)
            {
                JsonOutput.Write(context.Console.Out, tokens.Value);
            }
            else if (context.Mode == OutputMode.Table)
            {
                var table = new Table().AddColumns("Id", "User", "Label", "Starts with", "Created");
                foreach (var token in tokens.Value)
                {
                    table.AddRow(token.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(token.User), Markup.Escape(token.Label ?? string.Empty), Markup.Escape(token.Prefix + "…"), token.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                context.Console.CreateAnsiConsole().Write(table);
            }
            else
            {
                foreach (var token in tokens.Value)
                {
                    context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{token.Id}\t{token.User}\t{token.Label}\t{token.Prefix}"));
                }
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
