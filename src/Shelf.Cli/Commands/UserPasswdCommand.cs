using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Accounts;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf user passwd NAME [--password-stdin]</c>.</summary>
internal sealed class UserPasswdCommand : ShelfCommand
{
    private readonly Argument<string> _name = new("name") { Description = "The user whose password to set" };
    private readonly Option<bool> _passwordStdin = new("--password-stdin") { Description = "Read the password from the first line of standard input instead of asking" };

    public UserPasswdCommand(CliConsole console, GlobalOptions globals)
        : base("passwd", "Set a user's password; their sessions end and a lockout is lifted", console, globals)
    {
        Arguments.Add(_name);
        Options.Add(_passwordStdin);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (AccountRules.ParseName(context.Get(_name)).Error is { } invalid)
        {
            return context.Fail(invalid);
        }

        var password = await PasswordInput.ReadAsync(context, context.Get(_passwordStdin), cancellationToken);
        if (!password.IsSuccess)
        {
            return context.Fail(password.Error!);
        }

        return await WithDatabaseAsync<ChangePassword>(context, async changePassword =>
        {
            var changed = await changePassword.ExecuteAsync(context.Get(_name), password.Value, cancellationToken);
            if (FailIfError(context, changed) is { } failed)
            {
                return failed;
            }

            context.WriteResult(changed.Value, $"Set a new password for {changed.Value.Name}");
            return ExitCodes.Ok;
        }, cancellationToken);
    }
}
