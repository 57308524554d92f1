using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf import FILE [--dry-run]</c>: reads the simple <c>title,number_of_pages,first_name,last_name</c>
/// catalog in one transaction and reports every row it could not take.
/// </summary>
internal sealed class CatalogImportCommand : ShelfCommand
{
    private const int RejectsShown = 20;

    private readonly Argument<string> _file = new("file") { Description = "A CSV file with the header title,number_of_pages,first_name,last_name" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Report what would happen without changing the library" };

    public CatalogImportCommand(CliConsole console, GlobalOptions globals)
        : base("import", "Import books from a CSV catalog", console, globals)
    {
        Arguments.Add(_file);
        Options.Add(_dryRun);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var path = context.Get(_file)!;
        if (Directory.Exists(path))
        {
            return context.Fail(Error.Invalid("import.is_directory", $"{path} is a folder; give the path of a CSV file"));
        }

        if (!File.Exists(path))
        {
            return context.Fail(Error.NotFound("import.file_missing", $"no file {path}; check the path"));
        }

        FileStream input;
        try
        {
            input = File.OpenRead(path);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return context.Fail(Error.Unavailable("import.unreadable", $"cannot read {path}: {e.Message}"));
        }

        await using (input)
        {
            return await WithDatabaseAsync(context, async db =>
            {
                var imported = await new ImportSimpleCatalog(db).ExecuteAsync(input, context.Get(_dryRun), progress: null, cancellationToken);
                if (FailIfError(context, imported) is { } failed)
                {
                    return failed;
                }

                Report(context, imported.Value);
                return ExitCodes.Ok;
            }, cancellationToken);
        }
    }

    private static void Report(CliContext context, ImportSummary summary)
    {
        if (context.Mode == OutputMode.Json)
        {
            JsonOutput.Write(context.Console.Out, summary);
            return;
        }

        foreach (var reject in summary.Rejected.Take(RejectsShown))
        {
            context.Note(string.Create(CultureInfo.InvariantCulture, $"line {reject.Line}: {reject.Reason}"));
        }

        if (summary.Rejected.Count > RejectsShown)
        {
            context.Note(string.Create(CultureInfo.InvariantCulture, $"... and {summary.Rejected.Count - RejectsShown} more rejected rows"));
        }

        var verb = summary.DryRun ? "would add" : "added";
        context.Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Read {summary.Read} rows: {summary.Added} {verb}, {summary.Unchanged} already in the library, {summary.Rejected.Count} rejected{(summary.DryRun ? " (dry run: nothing was changed)" : string.Empty)}"));
    }
}
