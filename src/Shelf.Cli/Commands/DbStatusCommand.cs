using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Database;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf db status</c>: provider, location (password masked), schema version, row counts.</summary>
internal sealed class DbStatusCommand(CliConsole console, GlobalOptions globals)
    : ShelfCommand("status", "Show where the library is and what it holds", console, globals)
{
    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithLibraryAsync<GetDatabaseStatus>(
            context,
            async library => Show(context, await GetDatabaseStatus.ExecuteAsync(library, cancellationToken)),
            async getDatabaseStatus => Show(context, await getDatabaseStatus.ExecuteAsync(cancellationToken)),
            cancellationToken);

    private static int Show(CliContext context, DatabaseStatus status)
    {
        if (context.Mode == OutputMode.Json)
        {
            JsonOutput.Write(context.Console.Out, status);
            return ExitCodes.Ok;
        }

        var lines = new List<(string, string)>
        {
            ("Provider", status.Provider),
            ("Location", status.Location),
            ("Server", status.ServerVersion),
            ("Schema", status.SchemaVersion ?? "(none)"),
            ("Pending migrations", status.PendingMigrations.ToString(CultureInfo.InvariantCulture)),
        };
        if (status.FileBytes is { } bytes)
        {
            lines.Add(("File size", string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB")));
        }

        lines.AddRange(status.Tables.Select(t => ($"Rows in {t.Name}", t.Rows.ToString(CultureInfo.InvariantCulture))));
        if (context.Mode == OutputMode.Plain)
        {
            foreach (var (label, value) in lines)
            {
                context.Console.Out.WriteLine($"{label}\t{value}");
            }

            return ExitCodes.Ok;
        }

        LineGrid.Write(context, lines);
        return ExitCodes.Ok;
    }
}
