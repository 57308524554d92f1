using System.CommandLine;
using System.Globalization;
using System.Text;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf export [--format csv|json|goodreads] [-o FILE]</c>: the whole library, streamed. A file
/// is written beside its final name and moved into place when complete, so an interrupted
/// export never leaves half a file behind.
/// </summary>
internal sealed class CatalogExportCommand : ShelfCommand
{
    private readonly ChoiceOption<ExportFormat> _format =
        new("--format", "csv (Shelf's own, imports back with everything), json, or goodreads (the Goodreads export layout)", ExportFormat.Csv, "-f");

    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write to this file instead of standard output" };

    public CatalogExportCommand(CliConsole console, GlobalOptions globals)
        : base("export", "Export the library as CSV, JSON or a Goodreads-style file", console, globals)
    {
        Options.Add(_format);
        Options.Add(_output);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        // Before the library is opened: a wrong path is bad input, and the library stays untouched.
        if (context.Get(_output) is { } output && CheckOutputPath(output) is { } badPath)
        {
            return Task.FromResult(context.Fail(badPath));
        }

        return WithDatabaseAsync<ExportCatalog>(context, async export =>
        {
            var format = context.Get(_format) ?? ExportFormat.Csv;
            var path = context.Get(_output);
            Result<ExportSummary> written;
            if (path is null)
            {
                written = await ToStandardOutputAsync(context, export, format, cancellationToken);
            }
            else
            {
                var file = await ToFileAsync(path, export, format, cancellationToken);
                if (!file.IsSuccess)
                {
                    return context.Fail(file.Error!);
                }

                written = file.Value;
            }

            if (FailIfError(context, written) is { } failed)
            {
                return failed;
            }

            context.Note(string.Create(CultureInfo.InvariantCulture, $"exported {written.Value.Books} books as {format.ToString().ToLowerInvariant()}{(path is null ? string.Empty : " to " + path)}"));
            return ExitCodes.Ok;
        }, cancellationToken);
    }

    private static Error? CheckOutputPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return Error.Invalid(CatalogErrorCodes.ExportIsDirectory, $"{path} is a folder; give a file name, e.g. {Path.Combine(path, "library.csv")}");
        }

        var folder = Path.GetDirectoryName(full)!;
        return Directory.Exists(folder)
            ? null
            : Error.Invalid(CatalogErrorCodes.ExportDirectoryMissing, $"the folder {folder} does not exist; create it first or choose another path (-o)");
    }

    private static async Task<Result<ExportSummary>> ToStandardOutputAsync(CliContext context, ExportCatalog export, ExportFormat format, CancellationToken cancellationToken)
    {
        if (context.Console.OpenOutput is { } open)
        {
            await using var stdout = open();
            return await export.ExecuteAsync(format, stdout, progress: null, cancellationToken);
        }

        // In-process (tests): go through the console's writer.
        using var buffer = new MemoryStream();
        var result = await export.ExecuteAsync(format, buffer, progress: null, cancellationToken);
        await context.Console.Out.WriteAsync(Encoding.UTF8.GetString(buffer.ToArray()));
        return result;
    }

    private static async Task<Result<Result<ExportSummary>>> ToFileAsync(string path, ExportCatalog export, ExportFormat format, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var partial = full + ".partial";
        try
        {
            Result<ExportSummary> result;
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                result = await export.ExecuteAsync(format, file, progress: null, cancellationToken);
            }

            if (result.IsSuccess)
            {
                File.Move(partial, full, overwrite: true);
            }

            return result;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or DirectoryNotFoundException)
        {
            // The message names the file the user gave, not the temporary one written first.
            var reason = e is UnauthorizedAccessException ? "permission denied" : e.Message.Replace(partial, full, StringComparison.Ordinal);
            return Error.Unavailable(CatalogErrorCodes.ExportUnwritable, $"cannot write {path}: {reason}; nothing was written");
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }
}
