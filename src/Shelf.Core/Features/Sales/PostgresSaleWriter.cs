using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Sales;

/// <summary>
/// Binary COPY straight into <c>sales</c>, one COPY per batch: the connection must be free
/// between batches for the import's lookups. COPY runs inside the import's transaction, and the
/// table's CHECK, UNIQUE and foreign keys apply to it as to any insert.
/// </summary>
internal sealed class PostgresSaleWriter(ShelfDbContext db) : SaleBulkWriter
{
    private readonly NpgsqlConnection _connection = (NpgsqlConnection)db.Database.GetDbConnection();

    public override async Task WriteAsync(IReadOnlyList<Sale> sales, CancellationToken cancellationToken)
    {
        await using var copy = await _connection.BeginBinaryImportAsync($"COPY sales ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);

        // Synchronous writes: they fill the importer's buffer and touch the network only when it
        // is full, where an awaited write per field costs more than the COPY itself.
        foreach (var sale in sales)
        {
            cancellationToken.ThrowIfCancellationRequested();
            copy.StartRow();
            copy.Write(sale.OrderNumber, NpgsqlDbType.Varchar);
            copy.Write("sale", NpgsqlDbType.Varchar);
            WriteNullable(copy, sale.BookId, NpgsqlDbType.Integer);
            copy.Write(sale.BookTitle, NpgsqlDbType.Varchar);
            WriteNullable(copy, sale.BookIsbn13, NpgsqlDbType.Varchar);
            WriteNullable(copy, sale.BookAuthor, NpgsqlDbType.Varchar);
            copy.Write(sale.Quantity, NpgsqlDbType.Integer);
            copy.Write(sale.UnitPriceMinor, NpgsqlDbType.Bigint);
            copy.Write(sale.DiscountBasisPoints, NpgsqlDbType.Integer);
            copy.Write(sale.TotalMinor, NpgsqlDbType.Bigint);
            copy.Write(sale.Currency, NpgsqlDbType.Varchar);
            copy.Write(sale.SoldAt, NpgsqlDbType.TimestampTz);
            copy.Write(sale.RecordedAt, NpgsqlDbType.TimestampTz);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    // Each batch's COPY is disposed with the batch; nothing else is held.
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }
}
