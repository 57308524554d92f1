using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Catalog.Formats;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf import FILE [--format NAME | --map "Column=field"...] [--encoding NAME] [--dry-run] [--strict] [--update] [--rejects FILE]</c>,
/// and <c>shelf import --formats</c>. One file is one transaction; the summary goes to stdout,
/// the rows it could not take and a progress bar (on a terminal) to stderr.
/// </summary>
internal sealed class CatalogImportCommand : ShelfCommand
{
    private const int Listed = 20;

    private readonly Argument<string?> _file = new("file") { Description = "The export to import (CSV or tab-separated); - reads standard input", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _format = new("--format") { Description = "Read the file as this format instead of recognising it from the header (see --formats)" };
    private readonly Option<string[]> _map = new("--map") { Description = "Read any CSV: \"Column Name=field\" for each column to read (fields: title, author, authors, isbn, pages, ...; see --formats)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _encoding = new("--encoding") { Description = "The file's encoding (utf-8, utf-16, windows-1252, latin1, shift_jis, ...); detected when not given" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Report what would happen without changing the library" };
    private readonly Option<bool> _strict = new("--strict") { Description = "Import nothing if any row is bad" };
    private readonly Option<bool> _update = new("--update") { Description = "Apply what the file says differently about books already in the library" };
    private readonly Option<string?> _rejects = new("--rejects") { Description = "Write the rows that were not imported to this file, under the file's header, to fix and import again" };
    private readonly Option<bool> _formats = new("--formats") { Description = "List the formats Shelf recognises and the columns that identify them" };

    public CatalogImportCommand(CliConsole console, GlobalOptions globals)
        : base("import", "Import books from a Goodreads, LibraryThing, Calibre, StoryGraph, Libib, goodbooks or other CSV export", console, globals)
    {
        Arguments.Add(_file);
        Options.Add(_format);
        Options.Add(_map);
        Options.Add(_encoding);
        Options.Add(_dryRun);
        Options.Add(_strict);
        Options.Add(_update);
        Options.Add(_rejects);
        Options.Add(_formats);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Get(_formats))
        {
            WriteFormats(context);
            return ExitCodes.Ok;
        }

        var path = context.Get(_file);
        if (string.IsNullOrEmpty(path))
        {
            return context.Fail(Error.Invalid("import.no_file", "name the file to import, e.g. 'shelf import goodreads_library_export.csv'; 'shelf import --formats' lists what Shelf reads"));
        }

        var mappings = new List<ColumnMapping>();
        foreach (var text in context.Get(_map) ?? [])
        {
            var mapping = ColumnMapping.Parse(text);
            if (!mapping.IsSuccess)
            {
                return context.Fail(mapping.Error!);
            }

            mappings.Add(mapping.Value);
        }

        var input = OpenInput(context, path);
        if (!input.IsSuccess)
        {
            return context.Fail(input.Error!);
        }

        await using var file = input.Value;
        var rejectsPath = context.Get(_rejects);
        FileStream? rejects = null;
        if (rejectsPath is not null)
        {
            try
            {
                rejects = File.Create(rejectsPath);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return context.Fail(Error.Unavailable("import.rejects_unwritable", $"cannot write the rejects file {rejectsPath}: {e.Message}"));
            }
        }

        await using (rejects)
        {
            var request = new ImportRequest(file)
            {
                Format = context.Get(_format),
                Mappings = mappings,
                Encoding = context.Get(_encoding),
                DryRun = context.Get(_dryRun),
                Strict = context.Get(_strict),
                Update = context.Get(_update),
                Rejects = rejects,
            };
            return await WithDatabaseAsync(context, async db =>
            {
                var imported = await ImportProgressBar.RunAsync(
                    context.Console,
                    Path.GetFileName(path),
                    progress => new ImportCatalog(db).ExecuteAsync(request, progress, cancellationToken));
                if (FailIfError(context, imported) is { } failed)
                {
                    return failed;
                }

                Report(context, imported.Value, rejectsPath);
                return ExitCodes.Ok;
            }, cancellationToken);
        }
    }

    private static Result<Stream> OpenInput(CliContext context, string path)
    {
        if (path == "-")
        {
            return context.Console.OpenInput is { } open
                ? Result<Stream>.Ok(open())
                : Error.Invalid("import.no_stdin", "there is no standard input to read here; give a file path");
        }

        if (Directory.Exists(path))
        {
            return Error.Invalid("import.is_directory", $"{path} is a folder; give the path of a CSV file");
        }

        if (!File.Exists(path))
        {
            return Error.NotFound("import.file_missing", $"no file {path}; check the path");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return Error.Unavailable("import.unreadable", $"cannot read {path}: {e.Message}");
        }
    }

    private static void WriteFormats(CliContext context)
    {
        if (context.Mode == OutputMode.Json)
        {
            JsonOutput.Write(context.Console.Out, new { formats = ImportCatalog.Formats, mapFields = ImportCatalog.MapFields });
            return;
        }

        var output = context.Console.Out;
        output.WriteLine("Formats recognised from the header (or chosen with --format NAME):");
        foreach (var format in ImportCatalog.Formats)
        {
            output.WriteLine($"  {format.Name,-18} {format.Description}");
            output.WriteLine($"  {string.Empty,-18} columns: {string.Join(", ", format.Signature)}");
        }

        output.WriteLine();
        output.WriteLine("Any other CSV: --map \"Column Name=field\" for each column to read; the other columns are kept with the book. Fields:");
        foreach (var (field, meaning) in ImportCatalog.MapFields)
        {
            output.WriteLine($"  {field,-18} {meaning}");
        }
    }

    private static void Report(CliContext context, ImportSummary summary, string? rejectsPath)
    {
        if (context.Mode == OutputMode.Json)
        {
            JsonOutput.Write(context.Console.Out, summary);
            return;
        }

        foreach (var reject in summary.RejectedRows.Take(Listed))
        {
            context.Note(Line(reject.Line, $"rejected: {reject.Message}"));
        }

        More(context, summary.Rejected, Listed, "rejected rows", rejectsPath is null ? "write them all to a file with --rejects FILE" : $"all are in {rejectsPath}");
        foreach (var warning in summary.WarningRows.Take(Listed))
        {
            context.Note(Line(warning.Line, $"warning: {warning.Message}"));
        }

        More(context, summary.Warnings, Listed, "warnings", "see them all with --json");
        foreach (var difference in summary.Differences.Take(Listed))
        {
            var verb = summary.Updating ? "updated" : "differs from";
            context.Note(Line(difference.Line, $"{verb} book {difference.BookId.ToString(CultureInfo.InvariantCulture)} \"{difference.Title}\": {string.Join(", ", difference.Fields)}"));
        }

        More(context, summary.Differing, Listed, "differing books", "see them all with --json");
        context.Console.Out.WriteLine(SummaryLine(summary));
        if (summary.Differing > 0 && !summary.Updating)
        {
            context.Note(string.Create(CultureInfo.InvariantCulture, $"{summary.Differing} books in the library differ from the file and were left as they are; run again with --update to apply the file's values"));
        }
    }

    private static string SummaryLine(ImportSummary s)
    {
        var prefix = s.DryRun ? "Dry run, nothing was changed: " : string.Empty;
        var what = string.Create(CultureInfo.InvariantCulture, $"{s.Format} file ({s.Encoding}, {s.Separator}-separated)");
        if (!s.DryRun && s.Read > 0 && s.Added == 0 && s.Updated == 0 && s.Rejected == 0)
        {
            return s.Differing == 0
                ? string.Create(CultureInfo.InvariantCulture, $"Nothing to change: all {s.Read} rows of the {what} are already in the library{Warnings(s)}")
                : string.Create(CultureInfo.InvariantCulture, $"All {s.Read} rows of the {what} are already in the library, {s.Differing} of them with other values{Warnings(s)}");
        }

        var (added, updated) = s.DryRun ? ("would be added", "would be updated") : ("added", "updated");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{prefix}read {s.Read} rows of the {what}: {s.Added} {added}, {s.Updated} {updated}, {s.Unchanged} unchanged, {s.Rejected} rejected{Warnings(s)}");
    }

    private static string Warnings(ImportSummary s) =>
        s.Warnings == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; {s.Warnings} warnings");

    private static string Line(long line, string message) => string.Create(CultureInfo.InvariantCulture, $"line {line}: {message}");

    private static void More(CliContext context, long count, int listed, string what, string hint)
    {
        if (count > listed)
        {
            context.Note(string.Create(CultureInfo.InvariantCulture, $"... and {count - listed} more {what}; {hint}"));
        }
    }
}
