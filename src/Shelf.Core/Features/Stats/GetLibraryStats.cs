using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Loans;
using Shelf.Core.Features.Sales;

namespace Shelf.Core.Features.Stats;

/// <summary>The statistics wanted: of every year, or with <see cref="Year"/> ("2026") of one.</summary>
public sealed record GetLibraryStatsRequest
{
    public string? Year { get; init; }
}

/// <summary>
/// Counts and sums over the whole library. Every figure is an aggregate the database computes
/// (one scan of the books for the totals, GROUP BY for the rest), so only a few dozen rows come
/// back however large the library is; no book is loaded.
/// </summary>
public sealed class GetLibraryStats(ShelfDbContext db, TimeProvider? clock = null)
{
    /// <summary>How many authors and shelves the rankings show.</summary>
    public const int TopCount = 10;

    public async Task<Result<LibraryStats>> ExecuteAsync(GetLibraryStatsRequest request, CancellationToken cancellationToken)
    {
        var year = ParseYear(request.Year);
        if (!year.IsSuccess)
        {
            return year.Error!;
        }

        // On PostgreSQL every figure comes from one snapshot, and the GROUP BYs over a million credits
        // get the memory to group without spilling to disk (this transaction only). SQLite's
        // transactions take the write lock, so there the figures are read one statement at a time.
        await using var snapshot = db.Provider == DatabaseProvider.Postgres
            ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken)
            : null;
        if (snapshot is not null)
        {
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY; SET LOCAL work_mem = '64MB'", cancellationToken);
        }

        var books = db.Books.AsNoTracking();
        var totals = await books
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Books = g.LongCount(),
                Pages = g.Sum(b => (long?)b.Pages),
                Rated = g.LongCount(b => b.Rating != null),
                Stars = g.Sum(b => (long?)b.Rating),
            })
            .FirstOrDefaultAsync(cancellationToken);

        var byStatus = await books
            .GroupBy(b => b.Status)
            .Select(g => new StatusCount(g.Key, g.LongCount()))
            .ToListAsync(cancellationToken);

        var byMonth = await ReadByMonthAsync(year.Value, cancellationToken);

        // Open loans are few and indexed (ix_loans_open_book_id); "overdue" is as of today, UTC.
        var today = LoanQueries.Today(clock ?? TimeProvider.System);
        var loans = await db.Loans.AsNoTracking().Where(l => l.ReturnedAt == null)
            .GroupBy(_ => 1)
            .Select(g => new { Out = g.LongCount(), Overdue = g.LongCount(l => l.DueOn != null && l.DueOn < today) })
            .FirstOrDefaultAsync(cancellationToken);
        var rated = totals?.Rated ?? 0;
        return new LibraryStats
        {
            Year = year.Value,
            Books = totals?.Books ?? 0,
            Authors = await db.Authors.LongCountAsync(cancellationToken),
            Shelves = await db.Tags.LongCountAsync(cancellationToken),
            Pages = totals?.Pages ?? 0,
            ByStatus = [.. byStatus.OrderByDescending(s => s.Books).ThenBy(s => s.Status, StringComparer.Ordinal)],
            ReadByYear = [.. byMonth.GroupBy(m => m.Year).Select(y => new ReadingPeriod(y.Key, null, y.Sum(m => m.Books), y.Sum(m => m.Pages)))],
            ReadByMonth = byMonth,
            TopAuthors = await TopAuthorsAsync(cancellationToken),
            TopShelves = await TopShelvesAsync(cancellationToken),
            AverageRating = rated == 0 ? null : Math.Round((decimal)totals!.Stars!.Value / rated, 2, MidpointRounding.AwayFromZero),
            RatedBooks = rated,
            LoansOut = loans?.Out ?? 0,
            LoansOverdue = loans?.Overdue ?? 0,
            Sales = await SalesAsync(year.Value, cancellationToken),
        };
    }

    private static Result<int?> ParseYear(string? text)
    {
        if (text is null)
        {
            return (int?)null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1 and <= 9999
            ? year
            : Error.Invalid(StatsErrorCodes.YearInvalid, $"'{UserText.Shorten(text)}' is not a year; write it with four digits, e.g. 2026");
    }

    // Grouped by month in the database; the years are added up from the months here (at most 12 a year).
    private async Task<List<ReadingPeriod>> ReadByMonthAsync(int? year, CancellationToken cancellationToken)
    {
        var read = db.Books.AsNoTracking().Where(b => b.DateRead != null);
        if (year is { } y)
        {
            // A range on the column itself rather than on its year, so the comparison stays plain.
            var first = new DateOnly(y, 1, 1);
            var last = new DateOnly(y, 12, 31);
            read = read.Where(b => b.DateRead >= first && b.DateRead <= last);
        }

        var months = await read
            .GroupBy(b => new { b.DateRead!.Value.Year, b.DateRead!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Books = g.LongCount(), Pages = g.Sum(b => (long?)b.Pages) })
            .ToListAsync(cancellationToken);
        return [.. months.OrderBy(m => m.Year).ThenBy(m => m.Month).Select(m => new ReadingPeriod(m.Year, m.Month, m.Books, m.Pages ?? 0))];
    }

    private async Task<List<RankedName>> TopAuthorsAsync(CancellationToken cancellationToken)
    {
        // Every credit counts, whatever the role: then the count is read from the author_id index
        // alone. Testing the role reads the table row of every credit, 7× slower at a million books
        // (bench/stats_backup.sh); a person with two roles on one book is rare enough to count twice.
        var top = await db.BookAuthors.AsNoTracking()
            .GroupBy(ba => ba.AuthorId)
            .Select(g => new { Id = g.Key, Books = g.LongCount() })
            .OrderByDescending(g => g.Books).ThenBy(g => g.Id)
            .Take(TopCount)
            .ToListAsync(cancellationToken);
        var ids = top.Select(t => t.Id).ToList();
        var names = await db.Authors.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return [.. top.Where(t => names.ContainsKey(t.Id)).Select(t => new RankedName(t.Id, names[t.Id], t.Books))];
    }

    private async Task<List<RankedName>> TopShelvesAsync(CancellationToken cancellationToken)
    {
        var top = await db.BookTags.AsNoTracking()
            .GroupBy(bt => bt.TagId)
            .Select(g => new { Id = g.Key, Books = g.LongCount() })
            .OrderByDescending(g => g.Books).ThenBy(g => g.Id)
            .Take(TopCount)
            .ToListAsync(cancellationToken);
        var ids = top.Select(t => t.Id).ToList();
        var names = await db.Tags.AsNoTracking().Where(t => EF.Parameter(ids).Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return [.. top.Where(t => names.ContainsKey(t.Id)).Select(t => new RankedName(t.Id, names[t.Id], t.Books))];
    }

    // The sales report's per-currency totals, over the year when one is given.
    private async Task<IReadOnlyList<SalesReportLine>> SalesAsync(int? year, CancellationToken cancellationToken)
    {
        var request = new ReportSalesRequest(SalesGrouping.Year);
        if (year is { } y)
        {
            request = request with { From = $"{y:D4}-01-01", To = $"{y:D4}-12-31" };
        }

        // The period is written here, so the report cannot refuse it.
        var report = await new ReportSales(db).ExecuteAsync(request, cancellationToken);
        return report.Value.Totals;
    }
}
