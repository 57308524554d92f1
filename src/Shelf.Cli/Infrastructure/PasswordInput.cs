using Shelf.Core.Common;
using Shelf.Core.Features.Accounts;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// A new password: typed twice at a terminal without echo, or one line from standard input with
/// <c>--password-stdin</c> (for scripts: never as an argument, which other users can read in the
/// process list). Checked against the core's rules before the library is touched.
/// </summary>
internal static class PasswordInput
{
    public static async Task<Result<string>> ReadAsync(CliContext context, bool fromStdin, CancellationToken cancellationToken)
    {
        if (fromStdin)
        {
            var line = await context.Console.In.ReadLineAsync(cancellationToken);
            return Checked(line);
        }

        if (!context.CanAsk)
        {
            return Error.Invalid(CliErrorCodes.PasswordNeeded, "a password is needed: run this on a terminal to be asked, or pipe it in with --password-stdin");
        }

        while (true)
        {
            var first = await AskAsync(context, "Password", cancellationToken);
            if (first is null)
            {
                return Error.Invalid(CliErrorCodes.PasswordNeeded, "no password was given; nothing was changed");
            }

            if (AccountRules.CheckPassword(first) is { } problem)
            {
                context.Console.Error.WriteLine($"  {problem.Message}; try again");
                continue;
            }

            var again = await AskAsync(context, "Password again", cancellationToken);
            if (again == first)
            {
                return first;
            }

            context.Console.Error.WriteLine("  the two passwords differ; try again");
        }
    }

    private static Result<string> Checked(string? password) =>
        AccountRules.CheckPassword(password) is { } problem ? problem : password!;

    private static async Task<string?> AskAsync(CliContext context, string label, CancellationToken cancellationToken)
    {
        context.Console.Error.Write($"{label}: ");
        var read = context.Console.ReadSecretLine ?? context.Console.In.ReadLine;
        var line = await Task.Run(read, cancellationToken).WaitAsync(cancellationToken);
        context.Console.Error.WriteLine();
        return line;
    }
}
