using Spectre.Console;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// Labelled lines as a grid for a terminal, labels in bold (a book's details, the library's status).
/// A class of its own so that the plain and JSON writers beside its callers never load
/// Spectre.Console: a precompiled method loads the types it names before it runs.
/// </summary>
internal static class LineGrid
{
    public static void Write(CliContext context, IReadOnlyList<(string Label, string Value)> lines)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (label, value) in lines)
        {
            grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value));
        }

        context.Console.CreateAnsiConsole().Write(grid);
    }
}
