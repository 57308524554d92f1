using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Sales;

/// <summary>The lookups every sales use case shares.</summary>
internal static class SaleQueries
{
    /// <summary>
    /// Finds a ledger row by what a user types to name it: its order number (exactly, then in
    /// upper case, as Shelf makes them) or else its numeric id.
    /// </summary>
    public static async Task<long?> ResolveIdAsync(ShelfDbContext db, string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        var id = await IdOfOrderAsync(db, text, cancellationToken);
        var upper = text.ToUpperInvariant();
        if (id is null && upper != text)
        {
            id = await IdOfOrderAsync(db, upper, cancellationToken);
        }

        if (id is null && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            id = await db.Sales.Where(s => s.Id == number).Select(s => (long?)s.Id).SingleOrDefaultAsync(cancellationToken);
        }

        return id;
    }

    /// <summary>The row with its refunds; null when there is no such row.</summary>
    public static async Task<SaleDetails?> DetailsAsync(ShelfDbContext db, long id, CancellationToken cancellationToken)
    {
        var row = await db.Sales.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new { Sale = s, RefundOf = s.RefundOf == null ? null : s.RefundOf.OrderNumber })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var refunds = await db.Sales.AsNoTracking()
            .Where(s => s.RefundOfSaleId == id)
            .OrderBy(s => s.SoldAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return new SaleDetails(SaleView.From(row.Sale, row.RefundOf), [.. refunds.Select(r => SaleView.From(r, row.Sale.OrderNumber))]);
    }

    /// <summary>What a sale copies from a book; one projection for single sales and imports.</summary>
    public static readonly Expression<Func<Book, BookForSale>> ToBookForSale = b => new BookForSale(
        b.Id,
        b.Title,
        b.Isbn13,
        b.Authors.Where(a => a.Position == 0).Select(a => a.Author.Name).FirstOrDefault(),
        b.ListPriceMinor,
        b.ListPriceCurrency);

    /// <summary>Only the rows sold within a period from <see cref="SaleRules.Period"/>.</summary>
    public static IQueryable<Sale> SoldWithin(this IQueryable<Sale> sales, (DateTime? From, DateTime? Until) period)
    {
        if (period.From is { } from)
        {
            sales = sales.Where(s => s.SoldAt >= from);
        }

        return period.Until is { } until ? sales.Where(s => s.SoldAt < until) : sales;
    }

    /// <summary>A book named by id or ISBN, with what a sale copies from it; null when there is none.</summary>
    public static async Task<BookForSale?> BookForSaleAsync(ShelfDbContext db, string reference, CancellationToken cancellationToken)
    {
        var id = await BookQueries.ResolveIdAsync(db, reference, cancellationToken);
        return id is null
            ? null
            : await db.Books.AsNoTracking()
                .Where(b => b.Id == id)
                .Select(ToBookForSale)
                .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Makes concurrent changes to one sale (refund, edit, delete) wait for each other, so two
    /// refunds can never both pass the "copies left" check. PostgreSQL and MySQL lock the row; SQLite needs
    /// nothing more, because its transactions begin IMMEDIATE and so writers already run one at a time.
    /// </summary>
    public static async Task LockAsync(ShelfDbContext db, long id, CancellationToken cancellationToken)
    {
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlAsync($"SELECT id FROM sales WHERE id = {id} FOR UPDATE", cancellationToken);
        }
    }

    private static Task<long?> IdOfOrderAsync(ShelfDbContext db, string orderNumber, CancellationToken cancellationToken) =>
        db.Sales.Where(s => s.OrderNumber == orderNumber).Select(s => (long?)s.Id).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Refunded quantity and amount of a sale so far.</summary>
    public static async Task<(int Quantity, long Minor)> RefundedAsync(ShelfDbContext db, long saleId, CancellationToken cancellationToken)
    {
        var refunded = await db.Sales
            .Where(s => s.RefundOfSaleId == saleId)
            .GroupBy(s => s.RefundOfSaleId)
            .Select(g => new { Quantity = g.Sum(s => s.Quantity), Minor = g.Sum(s => s.TotalMinor) })
            .SingleOrDefaultAsync(cancellationToken);
        return refunded is null ? (0, 0) : (refunded.Quantity, refunded.Minor);
    }
}
