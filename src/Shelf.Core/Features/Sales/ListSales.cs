using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Sales;

/// <summary>
/// Which ledger rows to list: a period of UTC days (both ends included, written 2026-01-31), a
/// book (id or ISBN), an author (any part of a name the book is credited to now), and a page.
/// </summary>
public sealed record ListSalesRequest
{
    public string? From { get; init; }

    public string? To { get; init; }

    public string? Book { get; init; }

    public string? Author { get; init; }

    /// <summary>Most rows to return; null for all.</summary>
    public int? Limit { get; init; }

    public int Offset { get; init; }

    /// <summary>Also count every matching row (a second query); hosts ask only when they show it.</summary>
    public bool CountTotal { get; init; }

    /// <summary>The latest first (a page of recent sales) instead of the oldest first (a ledger read in order).</summary>
    public bool NewestFirst { get; init; }
}

/// <summary>Lists sales and refunds, oldest first unless asked for the latest first.</summary>
public sealed class ListSales(ShelfDbContext db)
{
    public async Task<Result<SalePage>> ExecuteAsync(ListSalesRequest request, CancellationToken cancellationToken)
    {
        if (request.Limit is < 0 || request.Offset < 0)
        {
            return Error.Invalid(BookErrorCodes.ListBadPage, "limit and offset must be 0 or more");
        }

        var period = SaleRules.Period(request.From, request.To);
        if (!period.IsSuccess)
        {
            return period.Error!;
        }

        var sales = db.Sales.AsNoTracking().SoldWithin(period.Value);

        if (!string.IsNullOrWhiteSpace(request.Book))
        {
            var bookId = await BookQueries.ResolveIdAsync(db, request.Book, cancellationToken);
            if (bookId is null)
            {
                return BookErrors.NotFound(request.Book);
            }

            sales = sales.Where(s => s.BookId == bookId);
        }

        if (!string.IsNullOrWhiteSpace(request.Author))
        {
            var key = TextKey.Normalize(request.Author);
            sales = sales.Where(s => s.Book != null && s.Book.Authors.Any(a => a.Author.NameKey.Contains(key)));
        }

        int? total = request.CountTotal ? await sales.CountAsync(cancellationToken) : null;
        var ordered = request.NewestFirst
            ? sales.OrderByDescending(s => s.SoldAt).ThenByDescending(s => s.Id)
            : sales.OrderBy(s => s.SoldAt).ThenBy(s => s.Id);
        var page = ordered.Skip(request.Offset);
        if (request.Limit is { } limit)
        {
            page = page.Take(limit);
        }

        var rows = await page
            .Select(s => new { Sale = s, RefundOf = s.RefundOf == null ? null : s.RefundOf.OrderNumber })
            .ToListAsync(cancellationToken);
        return new SalePage([.. rows.Select(r => SaleView.From(r.Sale, r.RefundOf))], total);
    }
}
