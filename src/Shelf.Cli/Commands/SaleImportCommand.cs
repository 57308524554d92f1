using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Sales;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf sale import FILE.csv [--rejects BAD.csv] [--dry-run]</c>: all rows in one transaction;
/// bad rows are reported with their line and reason, and <c>--rejects</c> writes them, as they
/// were, under the file's header, ready to fix and import again.
/// </summary>
internal sealed class SaleImportCommand : ShelfCommand
{
    private const int RejectsShown = 20;

    private readonly Argument<string> _file = new("file") { Description = "A CSV file with a header: book (or isbn, book_id), quantity, and optionally unit_price, discount, currency, sold_at, order_number" };
    private readonly Option<string?> _rejects = new("--rejects") { Description = "Write the rows that were not imported to this file, with the header" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Report what would happen without changing the ledger" };

    public SaleImportCommand(CliConsole console, GlobalOptions globals)
        : base("import", "Import sales from a CSV file", console, globals)
    {
        Arguments.Add(_file);
        Options.Add(_rejects);
        Options.Add(_dryRun);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var path = context.Get(_file)!;
        if (Directory.Exists(path))
        {
            return context.Fail(Error.Invalid(CatalogErrorCodes.IsDirectory, $"{path} is a folder; give the path of a CSV file"));
        }

        if (!File.Exists(path))
        {
            return context.Fail(Error.NotFound(CatalogErrorCodes.FileMissing, $"no file {path}; check the path"));
        }

        var currency = context.DefaultCurrency();
        if (FailIfError(context, currency) is { } badCurrency)
        {
            return badCurrency;
        }

        FileStream input;
        FileStream? rejects = null;
        try
        {
            input = File.OpenRead(path);

            // Opened before importing, so a bad --rejects path fails before anything is written.
            if (context.Get(_rejects) is { } rejectsPath)
            {
                rejects = File.Create(rejectsPath);
            }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return context.Fail(Error.Unavailable(CatalogErrorCodes.Unreadable, $"cannot open {e.Message.TrimEnd('.')}; check the path and permissions"));
        }

        await using (input)
        await using (rejects)
        {
            return await WithDatabaseAsync<ImportSales>(context, async importSales =>
            {
                var request = new ImportSalesRequest { DryRun = context.Get(_dryRun), DefaultCurrency = currency.Value, Rejects = rejects };
                var imported = await ImportProgressBar.RunAsync(
                    context,
                    Path.GetFileName(path),
                    progress => importSales.ExecuteAsync(input, request, progress, cancellationToken));
                if (FailIfError(context, imported) is { } failed)
                {
                    return failed;
                }

                Report(context, imported.Value, context.Get(_rejects));
                return ExitCodes.Ok;
            }, cancellationToken);
        }
    }

    private static void Report(CliContext context, SaleImportSummary summary, string? rejectsPath)
    {
        if (context.Mode == OutputMode.Json)
        {
            JsonOutput.Write(context.Console.Out, new { summary.Read, summary.Added, Rejected = summary.Rejected.Select(r => new { r.Line, r.Reason }), summary.DryRun });
            return;
        }

        foreach (var reject in summary.Rejected.Take(RejectsShown))
        {
            context.Report(string.Create(CultureInfo.InvariantCulture, $"line {reject.Line}: {reject.Reason}"));
        }

        if (summary.Rejected.Count > RejectsShown)
        {
            context.Report(string.Create(CultureInfo.InvariantCulture, $"... and {summary.Rejected.Count - RejectsShown} more rejected rows{(rejectsPath is null ? "; write them all with --rejects FILE" : string.Empty)}"));
        }

        if (rejectsPath is not null && summary.Rejected.Count > 0)
        {
            context.Report($"the rejected rows are in {rejectsPath}, under the file's header; fix them and import that file");
        }

        var verb = summary.DryRun ? "would add" : "added";
        context.Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Read {summary.Read} rows: {summary.Added} sales {verb}, {summary.Rejected.Count} rejected{(summary.DryRun ? " (dry run: nothing was changed)" : string.Empty)}"));
    }
}
