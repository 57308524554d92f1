using System.Globalization;
using Shelf.Cli.Infrastructure;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf db migrate</c>: applies the schema changes the library lacks. Every command does this
/// on first use anyway; this is for doing it at a chosen moment (before starting servers).
/// </summary>
internal sealed class DbMigrateCommand(CliConsole console, GlobalOptions globals)
    : ShelfCommand("migrate", "Bring the library's schema up to date now (every command also does it on first use)", console, globals)
{
    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithLibraryAsync(context, async database =>
        {
            var applied = await database.MigrateAsync(cancellationToken);
            if (FailIfError(context, applied) is { } failed)
            {
                return failed;
            }

            var location = database.Target.Location;
            context.WriteResult(
                new { location, applied = applied.Value },
                applied.Value == 0
                    ? $"The library at {location} is up to date"
                    : string.Create(CultureInfo.InvariantCulture, $"Applied {applied.Value} schema change{(applied.Value == 1 ? string.Empty : "s")} to the library at {location}"));
            return ExitCodes.Ok;
        });
}
