using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Database;
using Spectre.Console;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf db tables</c>: the tables and their row counts, like psql's <c>\dt</c>.</summary>
internal sealed class DbTablesCommand(CliConsole console, GlobalOptions globals)
    : ShelfCommand("tables", "List the library's tables with row counts", console, globals)
{
    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListTables>(context, async listTables =>
        {
            var tables = await listTables.ExecuteAsync(cancellationToken);
            switch (context.Mode)
            {
                case OutputMode.Json:
                    JsonOutput.Write(context.Console.Out, tables);
                    break;
                case OutputMode.Plain:
                    context.Console.Out.WriteLine("name\trows");
                    foreach (var t in tables)
                    {
                        context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Name}\t{t.Rows}"));
                    }

                    break;
                default:
                    var table = new Table().Border(TableBorder.Rounded).AddColumn("Table").AddColumn(new TableColumn("Rows").RightAligned());
                    foreach (var t in tables)
                    {
                        table.AddRow(new Text(t.Name), new Text(t.Rows.ToString(CultureInfo.InvariantCulture)));
                    }

                    context.Console.CreateAnsiConsole().Write(table);
                    break;
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
