using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Sales;

/// <summary>What a sales report adds up by.</summary>
public enum SalesGrouping
{
    Book,
    Author,
    Month,
    Year,
}

/// <summary>A report over an optional period of UTC days (both ends included).</summary>
public sealed record ReportSalesRequest(SalesGrouping By)
{
    public string? From { get; init; }

    public string? To { get; init; }
}

/// <summary>
/// One line of a report, in one currency. <see cref="Gross"/> is copies sold × unit price,
/// <see cref="Discounts"/> what the discounts took off, <see cref="Refunds"/> what refunds paid
/// back, and <see cref="Net"/> = gross − discounts − refunds. A refund counts in the month it
/// was made, and for the book and author of the sale it refunds.
/// </summary>
public sealed record SalesReportLine
{
    /// <summary>The title, author name, "2026-01" or "2026"; "total" on a totals line.</summary>
    public required string Group { get; init; }

    /// <summary>The book's or author's id, when the line is one that still exists in the catalog.</summary>
    public int? Id { get; init; }

    public required string Currency { get; init; }

    public required long UnitsSold { get; init; }

    public required long UnitsRefunded { get; init; }

    public required decimal Gross { get; init; }

    public required decimal Discounts { get; init; }

    public required decimal Refunds { get; init; }

    public required decimal Net { get; init; }
}

/// <summary>The lines, then one totals line per currency (amounts in different currencies are never added).</summary>
public sealed record SalesReport(SalesGrouping By, IReadOnlyList<SalesReportLine> Lines, IReadOnlyList<SalesReportLine> Totals);

/// <summary>
/// Adds up the ledger by book, author, month or year. The database does the summing; only the
/// few group rows come back. Books still in the catalog are grouped by their id and shown with
/// their current title and first author; removed books by the title and author their sales
/// recorded.
/// </summary>
public sealed class ReportSales(ShelfDbContext db)
{
    public async Task<Result<SalesReport>> ExecuteAsync(ReportSalesRequest request, CancellationToken cancellationToken)
    {
        var period = SaleRules.Period(request.From, request.To);
        if (!period.IsSuccess)
        {
            return period.Error!;
        }

        var sales = db.Sales.AsNoTracking().SoldWithin(period.Value);

        var groups = request.By switch
        {
            SalesGrouping.Month => await ByTimeAsync(sales, monthly: true, cancellationToken),
            SalesGrouping.Year => await ByTimeAsync(sales, monthly: false, cancellationToken),
            _ => await ByBookAsync(sales, request.By == SalesGrouping.Author, cancellationToken),
        };

        var ordered = request.By is SalesGrouping.Month or SalesGrouping.Year
            ? groups.OrderBy(g => g.Label, StringComparer.Ordinal).ThenBy(g => g.Currency, StringComparer.Ordinal)
            : groups.OrderBy(g => g.Currency, StringComparer.Ordinal).ThenByDescending(g => g.Sums.Net).ThenBy(g => g.Label, StringComparer.Ordinal);
        var lines = ordered.Select(g => g.Sums.ToLine(g.Label, g.Id, g.Currency)).ToList();
        var totals = groups
            .GroupBy(g => g.Currency, StringComparer.Ordinal)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Aggregate(Sums.Zero, (sum, g) => sum + g.Sums).ToLine("total", null, c.Key))
            .ToList();
        return new SalesReport(request.By, lines, totals);
    }

    private static async Task<List<Group>> ByTimeAsync(IQueryable<Sale> sales, bool monthly, CancellationToken cancellationToken)
    {
        var rows = await sales
            .GroupBy(s => new { s.SoldAt.Year, Month = monthly ? s.SoldAt.Month : 0, s.Currency })
            .Select(g => new
            {
                g.Key.Year,
                g.Key.Month,
                g.Key.Currency,
                UnitsSold = g.Sum(s => s.Kind == SaleKind.Sale ? (long)s.Quantity : 0L),
                UnitsRefunded = g.Sum(s => s.Kind == SaleKind.Refund ? (long)s.Quantity : 0L),
                Gross = g.Sum(s => s.Kind == SaleKind.Sale ? s.Quantity * s.UnitPriceMinor : 0L),
                Paid = g.Sum(s => s.Kind == SaleKind.Sale ? s.TotalMinor : 0L),
                Refunds = g.Sum(s => s.Kind == SaleKind.Refund ? s.TotalMinor : 0L),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Group(
            monthly ? $"{r.Year:D4}-{r.Month:D2}" : $"{r.Year:D4}",
            null,
            r.Currency,
            new Sums(r.UnitsSold, r.UnitsRefunded, r.Gross, r.Paid, r.Refunds)))];
    }

    private async Task<List<Group>> ByBookAsync(IQueryable<Sale> sales, bool byAuthor, CancellationToken cancellationToken)
    {
        var rows = await sales
            .GroupBy(s => new { s.BookId, s.BookTitle, s.BookIsbn13, s.BookAuthor, s.Currency })
            .Select(g => new
            {
                g.Key.BookId,
                g.Key.BookTitle,
                g.Key.BookIsbn13,
                g.Key.BookAuthor,
                g.Key.Currency,
                UnitsSold = g.Sum(s => s.Kind == SaleKind.Sale ? (long)s.Quantity : 0L),
                UnitsRefunded = g.Sum(s => s.Kind == SaleKind.Refund ? (long)s.Quantity : 0L),
                Gross = g.Sum(s => s.Kind == SaleKind.Sale ? s.Quantity * s.UnitPriceMinor : 0L),
                Paid = g.Sum(s => s.Kind == SaleKind.Sale ? s.TotalMinor : 0L),
                Refunds = g.Sum(s => s.Kind == SaleKind.Refund ? s.TotalMinor : 0L),
            })
            .ToListAsync(cancellationToken);

        var bookIds = rows.Where(r => r.BookId is not null).Select(r => r.BookId!.Value).Distinct().ToList();
        var catalog = await db.Books.AsNoTracking()
            .Where(b => EF.Parameter(bookIds).Contains(b.Id)) // one array parameter, however many books sold
            .Select(b => new
            {
                b.Id,
                b.Title,
                Author = b.Authors.Where(a => a.Position == 0).Select(a => new { a.AuthorId, a.Author.Name }).FirstOrDefault(),
            })
            .ToDictionaryAsync(b => b.Id, cancellationToken);

        // Several SQL groups fold into one line: a book's sales may have recorded different titles.
        var lines = new Dictionary<(string Key, string Currency), Group>();
        foreach (var row in rows)
        {
            var current = row.BookId is { } id ? catalog.GetValueOrDefault(id) : null;
            var (key, label, lineId) = (byAuthor, current) switch
            {
                (false, not null) => ($"book:{current.Id}", current.Title, (int?)current.Id),
                (true, { Author: not null }) => ($"author:{current.Author.AuthorId}", current.Author.Name, current.Author.AuthorId),
                (false, null) => ($"removed:{row.BookIsbn13}:{row.BookTitle}", row.BookTitle, null),
                _ => ($"name:{row.BookAuthor}", row.BookAuthor ?? "(unknown author)", null),
            };
            var sums = new Sums(row.UnitsSold, row.UnitsRefunded, row.Gross, row.Paid, row.Refunds);
            lines[(key, row.Currency)] = lines.TryGetValue((key, row.Currency), out var seen)
                ? seen with { Sums = seen.Sums + sums }
                : new Group(label, lineId, row.Currency, sums);
        }

        return [.. lines.Values];
    }

    private sealed record Group(string Label, int? Id, string Currency, Sums Sums);

    /// <summary>Running sums in minor units.</summary>
    private readonly record struct Sums(long UnitsSold, long UnitsRefunded, long Gross, long Paid, long Refunds)
    {
        public static Sums Zero => default;

        public long Net => Paid - Refunds;

        public static Sums operator +(Sums a, Sums b) =>
            new(a.UnitsSold + b.UnitsSold, a.UnitsRefunded + b.UnitsRefunded, a.Gross + b.Gross, a.Paid + b.Paid, a.Refunds + b.Refunds);

        public SalesReportLine ToLine(string group, int? id, string currency) => new()
        {
            Group = group,
            Id = id,
            Currency = currency,
            UnitsSold = UnitsSold,
            UnitsRefunded = UnitsRefunded,
            Gross = Money.ToAmount(Gross, currency),
            Discounts = Money.ToAmount(Gross - Paid, currency),
            Refunds = Money.ToAmount(Refunds, currency),
            Net = Money.ToAmount(Net, currency),
        };
    }
}
