using Shelf.Cli.Infrastructure;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf db create</c>: creates the PostgreSQL database (or SQLite file) when missing, then migrates it.</summary>
internal sealed class DbCreateCommand(CliConsole console, GlobalOptions globals)
    : ShelfCommand("create", "Create the library's database if it does not exist, and bring its schema up to date", console, globals)
{
    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithLibraryAsync(context, async database =>
        {
            var created = await database.CreateAsync(cancellationToken);
            if (FailIfError(context, created) is { } failed)
            {
                return failed;
            }

            context.Console.Out.WriteLine(CliContext.OneLine(created.Value
                ? $"Created the library at {database.Target.Location}"
                : $"The library at {database.Target.Location} already exists; its schema is up to date"));
            return ExitCodes.Ok;
        });
}
