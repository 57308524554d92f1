using System.Globalization;
using Shelf.Core.Features.Catalog;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// What <c>shelf import</c> prints: the formats it reads (<c>--formats</c>), and an import's
/// summary on stdout with the first rejected rows, warnings and differences on stderr (all of
/// them with <c>--json</c>).
/// </summary>
internal static class ImportRendering
{
    /// <summary>Rows of each kind listed on stderr before "... and N more".</summary>
    private const int Listed = 20;

    public static void WriteFormats(CliContext context)
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

        output.WriteLine($"  {"json",-18} Shelf's own JSON export (shelf export --format json), recognised by its opening '['");
        output.WriteLine();
        output.WriteLine("Any other CSV: --map \"Column Name=field\" for each column to read; the other columns are kept with the book. Fields:");
        foreach (var (field, meaning) in ImportCatalog.MapFields)
        {
            output.WriteLine($"  {field,-18} {meaning}");
        }
    }

    public static void WriteSummary(CliContext context, ImportSummary summary, string? rejectsPath)
    {
        if (context.Mode == OutputMode.Json)
        {
            JsonOutput.Write(context.Console.Out, summary);
            return;
        }

        foreach (var reject in summary.RejectedRows.Take(Listed))
        {
            context.Report(Line(reject.Line, $"rejected: {reject.Message}"));
        }

        More(context, summary.Rejected, Listed, "rejected rows", rejectsPath is null ? "write them all to a file with --rejects FILE" : $"all are in {rejectsPath}");
        foreach (var warning in summary.WarningRows.Take(Listed))
        {
            context.Report(Line(warning.Line, $"warning: {warning.Message}"));
        }

        More(context, summary.Warnings, Listed, "warnings", "see them all with --json");
        foreach (var difference in summary.Differences.Take(Listed))
        {
            var verb = summary.Updating ? "updated" : "differs from";
            context.Report(Line(difference.Line, $"{verb} book {difference.BookId.ToString(CultureInfo.InvariantCulture)} \"{difference.Title}\": {string.Join(", ", difference.Fields)}"));
        }

        More(context, summary.Differing, Listed, "differing books", "see them all with --json");
        context.Console.Out.WriteLine(SummaryLine(summary));
        if (summary.Differing > 0 && !summary.Updating)
        {
            context.Report(string.Create(CultureInfo.InvariantCulture, $"{summary.Differing} books in the library differ from the file and were left as they are; run again with --update to apply the file's values"));
        }
    }

    private static string SummaryLine(ImportSummary s)
    {
        var prefix = s.DryRun ? "Dry run, nothing was changed: " : string.Empty;
        var what = s.Separator is null
            ? string.Create(CultureInfo.InvariantCulture, $"{s.Format} file ({s.Encoding})")
            : string.Create(CultureInfo.InvariantCulture, $"{s.Format} file ({s.Encoding}, {s.Separator}-separated)");
        if (!s.DryRun && s.Read > 0 && s.Added == 0 && s.Updated == 0 && s.Rejected == 0 && s.LoansAdded == 0)
        {
            return s.Differing == 0
                ? string.Create(CultureInfo.InvariantCulture, $"Nothing to change: all {s.Read} rows of the {what} are already in the library{Warnings(s)}")
                : string.Create(CultureInfo.InvariantCulture, $"All {s.Read} rows of the {what} are already in the library, {s.Differing} of them with other values{Warnings(s)}");
        }

        var (added, updated) = s.DryRun ? ("would be added", "would be updated") : ("added", "updated");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{prefix}read {s.Read} rows of the {what}: {s.Added} {added}, {s.Updated} {updated}, {s.Unchanged} unchanged, {s.Rejected} rejected{Loans(s)}{Warnings(s)}");
    }

    private static string Loans(ImportSummary s) =>
        s.LoansAdded == 0 ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"; {s.LoansAdded} {(s.LoansAdded == 1 ? "loan" : "loans")} {(s.DryRun ? "would be recorded" : "recorded")}");

    private static string Warnings(ImportSummary s) =>
        s.Warnings == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; {s.Warnings} warnings");

    private static string Line(long line, string message) => string.Create(CultureInfo.InvariantCulture, $"line {line}: {message}");

    private static void More(CliContext context, long count, int listed, string what, string hint)
    {
        if (count > listed)
        {
            context.Report(string.Create(CultureInfo.InvariantCulture, $"... and {count - listed} more {what}; {hint}"));
        }
    }
}
