using Microsoft.Extensions.DependencyInjection;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Data;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf db create</c>: creates the PostgreSQL database (or SQLite file) when missing, then migrates it.</summary>
internal sealed class DbCreateCommand(CliConsole console, GlobalOptions globals)
    : ShelfCommand("create", "Create the library's database if it does not exist, and bring its schema up to date", console, globals)
{
    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var services = context.ComposeCore();
        if (FailIfError(context, services) is { } badTarget)
        {
            return badTarget;
        }

        await using var provider = services.Value;
        var database = provider.GetRequiredService<ShelfDatabase>();
        var created = await database.CreateAsync(cancellationToken);
        if (FailIfError(context, created) is { } failed)
        {
            return failed;
        }

        context.Console.Out.WriteLine(CliContext.OneLine(created.Value
            ? $"Created the library at {database.Target.Location}"
            : $"The library at {database.Target.Location} already exists; its schema is up to date"));
        return ExitCodes.Ok;
    }
}
