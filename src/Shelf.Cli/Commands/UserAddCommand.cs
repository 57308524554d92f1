using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Accounts;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf user add NAME --role owner|editor|viewer [--password-stdin]</c>.</summary>
internal sealed class UserAddCommand : ShelfCommand
{
    private readonly Argument<string> _name = new("name") { Description = "The name they log in with: letters, digits and . _ - @" };
    private readonly Option<string> _role = new("--role") { Description = "owner (everything), editor (changes the catalog, shelves and sales) or viewer (reads)", Required = true };
    private readonly Option<bool> _passwordStdin = new("--password-stdin") { Description = "Read the password from the first line of standard input instead of asking" };

    public UserAddCommand(CliConsole console, GlobalOptions globals)
        : base("add", "Add a user who may log in to the web app", console, globals)
    {
        Arguments.Add(_name);
        Options.Add(_role);
        Options.Add(_passwordStdin);
        _role.CompletionSources.Add("owner", "editor", "viewer");
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        // Rules first, so nobody types a password twice for a name or role that is then refused.
        if ((AccountRules.ParseName(context.Get(_name)).Error ?? AccountRules.ParseRole(context.Get(_role)).Error) is { } invalid)
        {
            return context.Fail(invalid);
        }

        var password = await PasswordInput.ReadAsync(context, context.Get(_passwordStdin), cancellationToken);
        if (!password.IsSuccess)
        {
            return context.Fail(password.Error!);
        }

        return await WithDatabaseAsync<AddUser>(context, async addUser =>
        {
            var added = await addUser.ExecuteAsync(new AddUserRequest(context.Get(_name), context.Get(_role), password.Value), cancellationToken);
            if (FailIfError(context, added) is { } failed)
            {
                return failed;
            }

            context.WriteResult(added.Value, $"Added {added.Value.Name} ({added.Value.Role})");
            return ExitCodes.Ok;
        }, cancellationToken);
    }
}
