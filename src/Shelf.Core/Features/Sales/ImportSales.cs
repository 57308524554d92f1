using System.Data.Common;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Importing;
using Shelf.Core.Features.Catalog;

namespace Shelf.Core.Features.Sales;

/// <summary>A row that was not imported: its line in the file, why, and the row as it was written.</summary>
public sealed record SaleImportRejection(long Line, string Reason, string Raw);

/// <summary>
/// What a sales import did. <see cref="Read"/> = <see cref="Added"/> + rejected.
/// <see cref="Header"/> is the file's header in its own separator, for a rejects file.
/// </summary>
public sealed record SaleImportSummary(long Read, long Added, IReadOnlyList<SaleImportRejection> Rejected, bool DryRun, string Header);

/// <summary>Options of a sales import.</summary>
public sealed record ImportSalesRequest
{
    public bool DryRun { get; init; }

    /// <summary>The currency of rows that give a price but no currency.</summary>
    public string DefaultCurrency { get; init; } = Currency.Fallback;

    /// <summary>Where rejected rows go, as the file had them, under its header; null for nowhere.</summary>
    public Stream? Rejects { get; init; }
}

/// <summary>
/// Imports sales from CSV. Columns are found by name, in any order: <c>book</c> (id or ISBN, or
/// the columns <c>isbn</c> / <c>book_id</c>) and <c>quantity</c> are required; <c>unit_price</c>
/// (else the book's list price), <c>discount</c>, <c>currency</c>, <c>sold_at</c> (else now) and
/// <c>order_number</c> (else one is made) are optional. The whole file is one transaction: a
/// failure or Ctrl+C leaves the ledger as it was. The file is read as a catalog is
/// (<see cref="ImportInput"/>: encoding and separator detected, lines counted), and bad rows are
/// reported with their line and never stop the good ones; they go to
/// <see cref="ImportSalesRequest.Rejects"/> as the file had them. Rows are written in batches
/// without EF's change tracker (<see cref="SaleBulkWriter"/>), and memory holds one batch plus
/// the books and order numbers seen.
/// </summary>
public sealed class ImportSales(ShelfDbContext db, TimeProvider? clock = null)
{
    private const int BatchSize = 5000;

    public async Task<Result<SaleImportSummary>> ExecuteAsync(Stream input, ImportSalesRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var opened = await ImportInput.OpenAsync(input, named: null, cancellationToken);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        await using var table = opened.Value;
        var found = SaleImportColumns.Find(table.Header);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var columns = found.Value;
        var reader = table.Reader;
        var now = SaleRules.Now(clock);
        var rejects = request.Rejects is null ? null : table.Rejects(request.Rejects);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var writer = SaleBulkWriter.Create(db);
        var batch = new SaleImportBatch(db, request.DefaultCurrency, now);
        var rejected = new List<SaleImportRejection>();
        long read = 0, added = 0;

        while (true)
        {
            bool more;
            try
            {
                more = await table.ReadAsync(cancellationToken);
            }
            catch (CsvFormatException e)
            {
                return Error.Invalid(CatalogErrorCodes.Malformed, $"line {e.LineNumber}: the file is not readable CSV from here on ({e.Message}); nothing was imported");
            }

            if (!more)
            {
                break;
            }

            read++;
            batch.Add(columns.Read(reader, table.RecordBytes()));
            if (batch.Count == BatchSize)
            {
                var flushed = await FlushAsync(batch, writer, rejected, rejects, cancellationToken);
                if (!flushed.IsSuccess)
                {
                    return flushed.Error!;
                }

                added += flushed.Value;
                progress?.Report(new ImportProgress(read, reader.ByteOffset, table.TotalBytes));
            }
        }

        var last = await FlushAsync(batch, writer, rejected, rejects, cancellationToken);
        if (!last.IsSuccess)
        {
            return last.Error!;
        }

        added += last.Value;
        rejects?.Finish();
        if (request.DryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            progress?.Report(new ImportProgress(read, table.TotalBytes ?? 0, table.TotalBytes, ImportStep.Committing));
            await transaction.CommitAsync(cancellationToken);
        }

        return new SaleImportSummary(read, added, rejected, request.DryRun, RejectsFile.HeaderLine(table.Header, table.Separator));
    }

    private static async Task<Result<int>> FlushAsync(SaleImportBatch batch, SaleBulkWriter writer, List<SaleImportRejection> rejected, RejectsFile? rejects, CancellationToken cancellationToken)
    {
        var sales = await batch.ValidateAsync(rejected, rejects, cancellationToken);
        try
        {
            if (sales.Count > 0)
            {
                await writer.WriteAsync(sales, cancellationToken);
            }
        }
        catch (DbException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Another program recorded one of the file's order numbers after this import checked it.
            return Error.Conflict(CatalogErrorCodes.ConcurrentWrite, "another program recorded one of the file's order numbers while it was imported; nothing was imported, run the import again");
        }

        return sales.Count;
    }
}
