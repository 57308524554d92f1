using Shelf.Core.Features.Sales;

namespace Shelf.Core.Features.Stats;

/// <summary>How many books hold one reading status; <see cref="Status"/> is null for books without one.</summary>
public sealed record StatusCount(string? Status, long Books);

/// <summary>Books finished (by their date read) in one year, or one month when <see cref="Month"/> is set, and their pages.</summary>
public sealed record ReadingPeriod(int Year, int? Month, long Books, long Pages);

/// <summary>An author or shelf and how many books it has.</summary>
public sealed record RankedName(int Id, string Name, long Books);

/// <summary>
/// What the library holds and what its owner read. <see cref="Year"/>, when given, limits the
/// reading figures (<see cref="ReadByYear"/>, <see cref="ReadByMonth"/>) and the sales to that
/// year; the rest describes the whole library as it is now.
/// </summary>
public sealed record LibraryStats
{
    public int? Year { get; init; }

    public required long Books { get; init; }

    public required long Authors { get; init; }

    public required long Shelves { get; init; }

    /// <summary>Pages of every book whose page count is known.</summary>
    public required long Pages { get; init; }

    /// <summary>Books per reading status, most first.</summary>
    public required IReadOnlyList<StatusCount> ByStatus { get; init; }

    public required IReadOnlyList<ReadingPeriod> ReadByYear { get; init; }

    public required IReadOnlyList<ReadingPeriod> ReadByMonth { get; init; }

    /// <summary>The people with the most credits (as author, editor, translator...), most first.</summary>
    public required IReadOnlyList<RankedName> TopAuthors { get; init; }

    public required IReadOnlyList<RankedName> TopShelves { get; init; }

    /// <summary>Mean of the ratings given (1 to 5), null when no book is rated.</summary>
    public required decimal? AverageRating { get; init; }

    public required long RatedBooks { get; init; }

    /// <summary>One totals line per currency of the sales ledger; empty when nothing was sold.</summary>
    /// <summary>Copies lent out now.</summary>
    public long LoansOut { get; init; }

    /// <summary>Of those, the ones past their due day.</summary>
    public long LoansOverdue { get; init; }

    public required IReadOnlyList<SalesReportLine> Sales { get; init; }
}
