using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Search;

/// <summary>A search (see <see cref="SearchQueryParser"/> for the language) and the page of results wanted.</summary>
public sealed record SearchBooksRequest(string? Query)
{
    public int Limit { get; init; } = 50;

    public int Offset { get; init; }

    /// <summary>Null ranks by relevance; otherwise every match in a listing's order.</summary>
    public BookSort? Sort { get; init; }

    public bool Descending { get; init; }
}

/// <summary>
/// Finds books with the search language, through each database's full-text index (FTS5 on
/// SQLite, tsvector and GIN on PostgreSQL; see <see cref="SearchIndexSql"/>), so both return the
/// same books.
/// </summary>
/// <remarks>
/// Ranking is designed for the tail. A common word matches a tenth of a large library, and
/// scoring every match before taking the first page costs about a second on FTS5. So the ranked
/// order is built from two bounded sets: books whose title equals the query (first) or starts
/// with it (next), read from the title-key index in order (at most <see cref="TitleMatches"/>);
/// then relevance (bm25 on SQLite, ts_rank on PostgreSQL, title words weighing most) among the
/// first <see cref="RankedMatches"/> matches in index order. Ties fall to the lower id. A query
/// with fewer matches than that is ranked exactly; a broader one is ranked within that sample,
/// and a query that wants every match in order says so with a sort.
/// </remarks>
public sealed class SearchBooks(ShelfDbContext db)
{
    /// <summary>Most matches scored for relevance.</summary>
    internal const int RankedMatches = 1000;

    /// <summary>Most books taken from the title's exact and prefix tiers.</summary>
    internal const int TitleMatches = 200;

    /// <summary>Told each SQL statement of the search before it runs (bench/search.sh replays them in the database's shell).</summary>
    internal Action<string, IReadOnlyList<(string Name, object Value)>>? OnStatement { get; init; }

    public async Task<Result<IReadOnlyList<BookSummary>>> ExecuteAsync(SearchBooksRequest request, CancellationToken cancellationToken)
    {
        if (request.Limit <= 0 || request.Offset < 0)
        {
            return Error.Invalid(BookErrorCodes.SearchBadLimit, "the limit must be greater than 0 and the offset 0 or more");
        }

        var query = SearchQueryParser.Parse(request.Query);
        if (!query.IsSuccess)
        {
            return query.Error!;
        }

        var plan = SearchPlan.For(query.Value, db.Provider);
        await db.Database.OpenConnectionAsync(cancellationToken);
        List<int> ids;
        if (request.Sort is { } sort)
        {
            ids = await SortedAsync(plan, sort, request, cancellationToken);
        }
        else if (plan.Match is null)
        {
            ids = await IdsAsync(plan, $"SELECT b.id FROM books b WHERE {plan.Where} ORDER BY b.title_key, b.id {Page(plan, request)}", cancellationToken);
        }
        else
        {
            ids = await RankedAsync(plan, query.Value.PlainText, request, cancellationToken);
        }

        return await BookSummaries.ForIdsAsync(db, ids, cancellationToken);
    }

    private async Task<List<int>> RankedAsync(SearchPlan plan, string? plainText, SearchBooksRequest request, CancellationToken cancellationToken)
    {
        var ranked = new List<int>();
        var seen = new HashSet<int>();
        if (plainText is not null)
        {
            // The title-key index in order: the exact title sorts before every longer one.
            var titled = await RowsAsync(
                plan,
                $"SELECT b.id, b.title_key FROM books b WHERE b.title_key >= {plan.Add(plainText)} AND b.title_key < {plan.Add(plainText + "\uffff")} ORDER BY b.title_key, b.id LIMIT {TitleMatches}",
                r => (Id: r.GetInt32(0), Exact: r.GetString(1) == plainText),
                cancellationToken);
            foreach (var (id, _) in titled.OrderBy(t => t.Exact ? 0 : 1))
            {
                ranked.Add(id);
                seen.Add(id);
            }

            // Title matches rank before every other match: when they fill the page, the rest need not be scored.
            if (ranked.Count >= request.Offset + request.Limit)
            {
                return [.. ranked.Skip(request.Offset).Take(request.Limit)];
            }
        }

        var match = plan.Add(plan.Match!);
        var sql = db.Provider == DatabaseProvider.Sqlite
            ? $"""
              SELECT book_search.rowid, -bm25(book_search, 10.0, 5.0, 2.0, 1.0) FROM book_search
              {(plan.Where is null ? string.Empty : "JOIN books b ON b.id = book_search.rowid")}
              WHERE book_search MATCH {match} {(plan.Where is null ? string.Empty : "AND " + plan.Where)}
              LIMIT {RankedMatches}
              """
            : $"""
              SELECT s.book_id, ts_rank(s.document, {match}::tsquery) FROM book_search s
              {(plan.Where is null ? string.Empty : "JOIN books b ON b.id = s.book_id")}
              WHERE s.document @@ {match}::tsquery {(plan.Where is null ? string.Empty : "AND " + plan.Where)}
              LIMIT {RankedMatches}
              """;
        var scored = await RowsAsync(plan, sql, r => (Id: r.GetInt32(0), Score: Convert.ToDouble(r.GetValue(1), CultureInfo.InvariantCulture)), cancellationToken);
        ranked.AddRange(scored.Where(s => !seen.Contains(s.Id)).OrderByDescending(s => s.Score).ThenBy(s => s.Id).Select(s => s.Id));
        return [.. ranked.Skip(request.Offset).Take(request.Limit)];
    }

    // Every match, in a listing's order: the ids from the index, then ordered as ListBooks orders.
    private async Task<List<int>> SortedAsync(SearchPlan plan, BookSort sort, SearchBooksRequest request, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        if (plan.Match is not null)
        {
            conditions.Add(db.Provider == DatabaseProvider.Sqlite
                ? $"b.id IN (SELECT rowid FROM book_search WHERE book_search MATCH {plan.Add(plan.Match)})"
                : $"b.id IN (SELECT book_id FROM book_search WHERE document @@ {plan.Add(plan.Match)}::tsquery)");
        }

        if (plan.Where is not null)
        {
            conditions.Add(plan.Where);
        }

        var matches = await IdsAsync(plan, $"SELECT b.id FROM books b WHERE {string.Join(" AND ", conditions)}", cancellationToken);
        var books = db.Books.AsNoTracking().Where(b => EF.Parameter(matches).Contains(b.Id));
        return await ListBooks.Order(books, sort, request.Descending).Skip(request.Offset).Take(request.Limit).Select(b => b.Id).ToListAsync(cancellationToken);
    }

    private static string Page(SearchPlan plan, SearchBooksRequest request) =>
        $"LIMIT {plan.Add(request.Limit)} OFFSET {plan.Add(request.Offset)}";

    private Task<List<int>> IdsAsync(SearchPlan plan, string sql, CancellationToken cancellationToken) =>
        RowsAsync(plan, sql, r => r.GetInt32(0), cancellationToken);

    private async Task<List<T>> RowsAsync<T>(SearchPlan plan, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        OnStatement?.Invoke(sql, plan.Parameters);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in plan.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
