using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Accounts;
using Spectre.Console;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf user list</c>.</summary>
internal sealed class UserListCommand : ShelfCommand
{
    public UserListCommand(CliConsole console, GlobalOptions globals)
        : base("list", "List the users and their roles", console, globals)
    {
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListUsers>(context, async listUsers =>
        {
            var users = await listUsers.ExecuteAsync(cancellationToken);
            if (context.Mode == OutputMode.Json)
            {
                JsonOutput.Write(context.Console.Out, users);
            }
            else if (context.Mode == OutputMode.Table)
            {
                var table = new Table().AddColumns("Name", "Role", "Added", "Locked until");
                foreach (var user in users)
                {
                    table.AddRow(Markup.Escape(user.Name), user.Role, user.CreatedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), user.LockedUntil?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }

                context.Console.CreateAnsiConsole().Write(table);
            }
            else
            {
                foreach (var user in users)
                {
                    context.Console.Out.WriteLine($"{user.Name}\t{user.Role}");
                }
            }

            if (users.Count == 0)
            {
                context.Note("no users yet; add the first owner with 'shelf user add NAME --role owner'");
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
