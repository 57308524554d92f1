using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Data;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf db migrate</c>: applies the schema changes the library lacks. Every command does this
/// on first use anyway; this is for doing it at a chosen moment (before starting servers).
/// </summary>
internal sealed class DbMigrateCommand(CliConsole console, GlobalOptions globals)
    : ShelfCommand("migrate", "Bring the library's schema up to date now (every command also does it on first use)", console, globals)
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
        var applied = await database.MigrateAsync(cancellationToken);
        if (FailIfError(context, applied) is { } failed)
        {
            return failed;
        }

        context.WriteResult(
            new { location = database.Target.Location, applied = applied.Value },
            applied.Value == 0
                ? $"The library at {database.Target.Location} is up to date"
                : string.Create(CultureInfo.InvariantCulture, $"Applied {applied.Value} schema change{(applied.Value == 1 ? string.Empty : "s")} to the library at {database.Target.Location}"));
        return ExitCodes.Ok;
    }
}
