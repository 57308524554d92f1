using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog.Formats;
using Shelf.Core.Features.Catalog;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf import FILE [--format NAME | --map "Column=field"...] [--encoding NAME] [--dry-run] [--strict] [--update] [--rejects FILE]</c>,
/// and <c>shelf import --formats</c>. One file is one transaction; the summary goes to stdout,
/// the rows it could not take and a progress bar (on a terminal) to stderr.
/// </summary>
internal sealed class CatalogImportCommand : ShelfCommand
{

    private readonly Argument<string?> _file = new("file") { Description = "The export to import (CSV, tab-separated, or Shelf's own JSON export); - reads standard input", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _format = new("--format") { Description = "Read the file as this format instead of recognising it from the header (see --formats)" };
    private readonly Option<string[]> _map = new("--map") { Description = "Read any CSV: \"Column Name=field\" for each column to read (fields: title, author, authors, isbn, pages, ...; see --formats)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _encoding = new("--encoding") { Description = "The file's encoding (utf-8, utf-16, windows-1252, latin1, shift_jis, ...); detected when not given" };
    private readonly Option<int> _skipLines = new("--skip-lines") { Description = "Lines before the header to skip (a title, a tool's log lines)", HelpName = "N" };
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
        Options.Add(_skipLines);
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
            ImportRendering.WriteFormats(context);
            return ExitCodes.Ok;
        }

        var path = context.Get(_file);
        if (string.IsNullOrEmpty(path))
        {
            return context.Fail(Error.Invalid(CatalogErrorCodes.NoFile, "name the file to import, e.g. 'shelf import goodreads_library_export.csv'; 'shelf import --formats' lists what Shelf reads"));
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
                return context.Fail(Error.Unavailable(CatalogErrorCodes.RejectsUnwritable, $"cannot write the rejects file {rejectsPath}: {e.Message}"));
            }
        }

        await using (rejects)
        {
            var request = new ImportRequest(file)
            {
                Format = context.Get(_format),
                Mappings = mappings,
                Encoding = context.Get(_encoding),
                SkipLines = context.Get(_skipLines),
                DryRun = context.Get(_dryRun),
                Strict = context.Get(_strict),
                Update = context.Get(_update),
                Rejects = rejects,
            };
            return await WithDatabaseAsync<ImportCatalog>(context, async importCatalog =>
            {
                var imported = await ImportProgressBar.RunAsync(
                    context,
                    Path.GetFileName(path),
                    progress => importCatalog.ExecuteAsync(request, progress, cancellationToken));
                if (FailIfError(context, imported) is { } failed)
                {
                    return failed;
                }

                ImportRendering.WriteSummary(context, imported.Value, rejectsPath);
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
                : Error.Invalid(CatalogErrorCodes.NoStdin, "there is no standard input to read here; give a file path");
        }

        if (Directory.Exists(path))
        {
            return Error.Invalid(CatalogErrorCodes.IsDirectory, $"{path} is a folder; give the path of a CSV file");
        }

        if (!File.Exists(path))
        {
            return Error.NotFound(CatalogErrorCodes.FileMissing, $"no file {path}; check the path");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return Error.Unavailable(CatalogErrorCodes.Unreadable, $"cannot read {path}: {e.Message}");
        }
    }
}
