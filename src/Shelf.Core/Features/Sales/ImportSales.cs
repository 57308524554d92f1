using System.Data.Common;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
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
}

/// <summary>
/// Imports sales from CSV. Columns are found by name, in any order: <c>book</c> (id or ISBN, or
/// the columns <c>isbn</c> / <c>book_id</c>) and <c>quantity</c> are required; <c>unit_price</c>
/// (else the book's list price), <c>discount</c>, <c>currency</c>, <c>sold_at</c> (else now) and
/// <c>order_number</c> (else one is made) are optional. The whole file is one transaction: a
/// failure or Ctrl+C leaves the ledger as it was. Bad rows are reported with their line and
/// never stop the good ones. Rows are written in batches without EF's change tracker
/// (<see cref="SaleBulkWriter"/>), and memory holds one batch plus the books and order
/// numbers seen.
/// </summary>
public sealed class ImportSales(ShelfDbContext db, TimeProvider? clock = null)
{
    private const int BatchSize = 5000;

    public async Task<Result<SaleImportSummary>> ExecuteAsync(Stream input, ImportSalesRequest request, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var reader = CsvReader.Create(input, new CsvReaderOptions { TrackLineNumbers = true });
        SaleImportColumns columns;
        try
        {
            var found = SaleImportColumns.Find([.. reader.Headers]);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            columns = found.Value;
        }
        catch (CsvFormatException e)
        {
            return Error.Invalid(CatalogErrorCodes.Malformed, $"the file is not readable CSV: {e.Message}");
        }

        var now = SaleRules.Now(clock);
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
                more = await reader.ReadAsync(cancellationToken);
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
            batch.Add(columns.Read(reader, Encoding.UTF8.GetString(reader.RawRecord)));
            if (batch.Count == BatchSize)
            {
                var flushed = await FlushAsync(batch, writer, rejected, cancellationToken);
                if (!flushed.IsSuccess)
                {
                    return flushed.Error!;
                }

                added += flushed.Value;
                progress?.Report(read);
            }
        }

        var last = await FlushAsync(batch, writer, rejected, cancellationToken);
        if (!last.IsSuccess)
        {
            return last.Error!;
        }

        added += last.Value;
        progress?.Report(read);
        if (request.DryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new SaleImportSummary(read, added, rejected, request.DryRun, columns.HeaderLine(reader.Separator));
    }

    private static async Task<Result<int>> FlushAsync(SaleImportBatch batch, SaleBulkWriter writer, List<SaleImportRejection> rejected, CancellationToken cancellationToken)
    {
        var sales = await batch.ValidateAsync(rejected, cancellationToken);
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
