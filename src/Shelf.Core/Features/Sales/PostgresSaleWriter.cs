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
        foreach (var sale in sales)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(sale.OrderNumber, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync("sale", NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, sale.BookId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(sale.BookTitle, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, sale.BookIsbn13, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, sale.BookAuthor, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(sale.Quantity, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(sale.UnitPriceMinor, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(sale.DiscountBasisPoints, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(sale.TotalMinor, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(sale.Currency, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(sale.SoldAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(sale.RecordedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    // Each batch's COPY is disposed with the batch; nothing else is held.
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);
}
