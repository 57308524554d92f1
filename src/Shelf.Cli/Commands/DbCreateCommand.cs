using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Data;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf db create</c>: creates the PostgreSQL database (or SQLite file) when missing, then migrates it.</summary>
internal sealed class DbCreateCommand(CliConsole console, GlobalOptions globals)
    : ShelfCommand("create", "Create the library's database if it does not exist, and bring its schema up to date", console, globals)
{
    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var target = context.ResolveTarget();
        if (FailIfError(context, target) is { } badTarget)
        {
            return badTarget;
        }

        var created = await ShelfDatabase.CreateAsync(target.Value, cancellationToken);
        if (FailIfError(context, created) is { } failed)
        {
            return failed;
        }

        context.Console.Out.WriteLine(CliContext.OneLine(created.Value
            ? $"Created the library at {target.Value.Location}"
            : $"The library at {target.Value.Location} already exists; its schema is up to date"));
        return ExitCodes.Ok;
    }
}
