using System.Data.Common;
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
/// SQLite, tsvector and GIN on PostgreSQL, a word table on MySQL; see <see cref="SearchIndexSql"/>),
/// so all three return the same books.
/// </summary>
/// <remarks>
/// Ranking is designed for the tail. A common word matches a tenth of a large library, and
/// scoring every match before taking the first page costs about a second on FTS5. So the ranked
/// order is built from two bounded sets: books whose title equals the query (first) or starts
/// with it (next), read from the title-key index in order (at most <see cref="TitleMatches"/>);
/// then at most <see cref="RankedMatches"/> candidates (<see cref="FilteredMatches"/> when fields are
/// tested too, more when the page asked for lies beyond), the first matches the index yields, ordered by
/// <see cref="SearchRelevance"/> (Shelf's own score, so both databases give the same order). The
/// candidates are the books with the query's words whole when there are enough of them (the
/// index reads those lazily and stops at the limit), else the prefix matches too. A query with
/// fewer matches than that is ranked exactly; a broader one is ranked within that sample, and a
/// query that wants every match in order says so with a sort.
/// </remarks>
public sealed class SearchBooks
{
    // Exactly one of the two: the EF context of a host's scope, or a SQLite library opened without EF.
    private readonly ShelfDbContext? _db;
    private readonly SqliteLibrary? _library;

    public SearchBooks(ShelfDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
    }

    private SearchBooks(SqliteLibrary library) => _library = library;

    /// <summary>Most matches scored for relevance (more when the page asked for lies beyond).</summary>
    internal const int RankedMatches = 200;

    /// <summary>
    /// Most matches scored when the query also tests fields (a year range, a shelf): each match the
    /// index yields costs a book read to test, and a narrow condition passes one in twenty.
    /// </summary>
    internal const int FilteredMatches = 50;

    /// <summary>
    /// Below this many books for the query's rarest word (by the vocabulary's count), PostgreSQL is
    /// made to use the GIN index: a scan in table order that stops after <see cref="RankedMatches"/>
    /// matches reads about that many times library / matches rows, more than the bitmap of so few.
    /// </summary>
    private const int IndexBelow = 10_000;

    /// <summary>Most books taken from the title's exact and prefix tiers.</summary>
    internal const int TitleMatches = 200;

    /// <summary>Told each SQL statement of the search before it runs (bench/search.sh replays them in the database's shell).</summary>
    internal Action<string, IReadOnlyList<(string Name, object Value)>>? OnStatement { get; init; }

    /// <summary>Whether <see cref="ExecuteAsync(SqliteLibrary, SearchBooksRequest, CancellationToken)"/> serves <paramref name="request"/>: any but a sorted one, which orders through EF.</summary>
    public static bool ServesWithoutEf(SearchBooksRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Sort is null;
    }

    /// <summary>The search on a SQLite library opened without EF; only for a request <see cref="ServesWithoutEf"/> accepts.</summary>
    public static Task<Result<IReadOnlyList<BookSummary>>> ExecuteAsync(SqliteLibrary library, SearchBooksRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (!ServesWithoutEf(request))
        {
            throw new ArgumentException("a sorted search needs EF; open the library through ShelfDatabase", nameof(request));
        }

        return new SearchBooks(library).ExecuteAsync(request, cancellationToken);
    }

    private DatabaseProvider Provider => _db?.Provider ?? DatabaseProvider.Sqlite;

    // The EF context, for what only it does (a sorted search orders with LINQ).
    private ShelfDbContext Db => _db ?? throw new InvalidOperationException("this search needs EF; open the library through ShelfDatabase");

    private async Task<PlainConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _library is not null ? _library.Connection : await PlainConnection.OfAsync(_db!, cancellationToken);

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

        var connection = await ConnectionAsync(cancellationToken);
        var prefixes = await PrefixTerms.ReadAsync(connection.Connection, connection.Transaction, Provider, query.Value, cancellationToken);
        var plan = SearchPlan.For(query.Value, Provider, prefixes);
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
            ids = await RankedAsync(plan, query.Value, prefixes, request, cancellationToken);
        }

        return _db is not null
            ? await BookSummaries.ForIdsAsync(_db, ids, cancellationToken)
            : await BookSummaries.ForIdsAsync(await ConnectionAsync(cancellationToken), ids, cancellationToken);
    }

    private async Task<List<int>> RankedAsync(SearchPlan plan, SearchQuery query, PrefixTerms prefixes, SearchBooksRequest request, CancellationToken cancellationToken)
    {
        var ranked = new List<int>();
        var seen = new HashSet<int>();
        if (query.PlainText is { } plainText)
        {
            // The title-key index in order: the exact title sorts before every longer one. Only as many
            // as the page reaches: when they fill it nothing else is read, and when they do not, that
            // many was every title match there is (a page beyond TitleMatches still reads at most that).
            var titled = await RowsAsync(
                plan,
                $"SELECT b.id, b.title_key FROM books b WHERE b.title_key >= {plan.Add(plainText)} AND b.title_key < {plan.Add(plainText + "\uffff")} ORDER BY b.title_key, b.id LIMIT {plan.Add((int)Math.Min(TitleMatches, (long)request.Offset + request.Limit))}",
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

        var wanted = Math.Max(plan.Where is null ? RankedMatches : FilteredMatches, request.Offset + request.Limit);
        var whole = plan.WholeWordMatch is null ? WordForm.Prefix : WordForm.Whole;
        var candidates = await CandidatesAsync(plan, plan.WholeWordMatch ?? plan.Match!, wanted, prefixes.MostBooks(query, whole), cancellationToken);
        if (plan.WholeWordMatch is not null && candidates.Count < wanted)
        {
            // Too few books hold the words whole: the prefix matches, which cost more to find, fill the set.
            var found = candidates.Select(c => c.Id).ToHashSet();
            var prefixed = await CandidatesAsync(plan, plan.Match!, wanted, prefixes.MostBooks(query, WordForm.Prefix), cancellationToken);
            candidates.AddRange(prefixed.Where(c => !found.Contains(c.Id)).Take(wanted - candidates.Count));
        }

        ranked.AddRange(new SearchRelevance(query).Order(candidates).Where(id => !seen.Contains(id)));
        return [.. ranked.Skip(request.Offset).Take(request.Limit)];
    }

    // The first matches the index yields, with the text the relevance reads. FTS5 yields them in id
    // order and stops at the limit. PostgreSQL is not asked for an order: sorting by id would let the
    // planner walk the primary key and test every book, which takes seconds for a rare word whose
    // matches it overestimates; a bitmap of the matches read in table order stops at the limit too.
    private async Task<List<BookText>> CandidatesAsync(SearchPlan plan, string expression, int wanted, int? mostBooks, CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.MySql)
        {
            return await RowsAsync(plan, MySqlCandidates(plan, expression, wanted), ReadText, cancellationToken);
        }

        var match = plan.Add(expression);
        var sql = Provider == DatabaseProvider.Sqlite
            ? $"""
              SELECT c.id, t.title_key, t.subtitle, t.series, t.publisher,
                     (SELECT group_concat(a.name_key, ' ') FROM book_authors ba JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = c.id)
              FROM (SELECT book_search.rowid AS id FROM book_search
                    {(plan.Where is null ? string.Empty : "JOIN books b ON b.id = book_search.rowid")}
                    WHERE book_search MATCH {match} {(plan.Where is null ? string.Empty : "AND " + plan.Where)}
                    ORDER BY book_search.rowid LIMIT {wanted}) c
              JOIN books t ON t.id = c.id
              """
            : $"""
              SELECT c.id, t.title_key, t.subtitle, t.series, t.publisher,
                     (SELECT string_agg(a.name_key, ' ') FROM book_authors ba JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = c.id)
              FROM (SELECT s.book_id AS id FROM book_search s
                    {(plan.Where is null ? string.Empty : "JOIN books b ON b.id = s.book_id")}
                    WHERE s.document @@ {match}::tsquery {(plan.Where is null ? string.Empty : "AND " + plan.Where)}
                    LIMIT {wanted}) c
              JOIN books t ON t.id = c.id
              """;
        if (Provider == DatabaseProvider.Sqlite)
        {
            return await RowsAsync(plan, sql, ReadText, cancellationToken);
        }

        // Two planner settings for this statement only. PostgreSQL guesses a few thousand books for any
        // word its statistics do not list, so an OR of a prefix's rare terms looks common and it scans
        // the table for them (a second at a million books): when the vocabulary says few books can
        // match, the GIN index is the way. And a statement that stops after a few dozen rows loses
        // more to starting parallel workers than they save (half its time on our 2-core machine).
        // They travel with the statement in one command, one round trip instead of three. Should the
        // statement fail, the RESET after it is skipped, and the pool's reset of the connection
        // (RESET ALL) puts them back before anyone else uses it.
        var settings = mostBooks <= IndexBelow ? "SET max_parallel_workers_per_gather = 0; SET enable_seqscan = off" : "SET max_parallel_workers_per_gather = 0";
        return await RowsAsync(plan, $"{settings}; {sql}; RESET max_parallel_workers_per_gather; RESET enable_seqscan", ReadText, cancellationToken);
    }

    // The word table's conditions on books b in id order: MySQL reads each word's books from the
    // word index (word, book_id) and stops at the limit.
    private static string MySqlCandidates(SearchPlan plan, string condition, int wanted) =>
        $"""
        SELECT c.id, t.title_key, t.subtitle, t.series, t.publisher,
               (SELECT GROUP_CONCAT(a.name_key ORDER BY ba.position SEPARATOR ' ') FROM book_authors ba JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = c.id)
        FROM (SELECT b.id FROM books b WHERE {condition} {(plan.Where is null ? string.Empty : "AND " + plan.Where)}
              ORDER BY b.id LIMIT {wanted}) c
        JOIN books t ON t.id = c.id
        """;

    private static BookText ReadText(DbDataReader r) => new(r.GetInt32(0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5));

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>
    /// The ids of every book the query matches, in id order, with no page and no ranking: what a
    /// bulk edit or removal works on. Runs in the caller's transaction when there is one.
    /// </summary>
    internal async Task<Result<List<int>>> MatchingIdsAsync(string? text, CancellationToken cancellationToken)
    {
        var query = SearchQueryParser.Parse(text);
        if (!query.IsSuccess)
        {
            return query.Error!;
        }

        var connection = await ConnectionAsync(cancellationToken);
        var prefixes = await PrefixTerms.ReadAsync(connection.Connection, connection.Transaction, Provider, query.Value, cancellationToken);
        var plan = SearchPlan.For(query.Value, Provider, prefixes);
        return await IdsAsync(plan, $"SELECT b.id FROM books b WHERE {Matches(plan)} ORDER BY b.id", cancellationToken);
    }

    // Every match, in a listing's order: the ids from the index, then ordered as ListBooks orders.
    private async Task<List<int>> SortedAsync(SearchPlan plan, BookSort sort, SearchBooksRequest request, CancellationToken cancellationToken)
    {
        var matches = await IdsAsync(plan, $"SELECT b.id FROM books b WHERE {Matches(plan)}", cancellationToken);
        var books = Db.Books.AsNoTracking().Where(b => EF.Parameter(matches).Contains(b.Id));
        return await ListBooks.Order(books, sort, request.Descending).Skip(request.Offset).Take(request.Limit).Select(b => b.Id).ToListAsync(cancellationToken);
    }

    // The condition on books b that every match meets: the index's part, then the fields'.
    private static string Matches(SearchPlan plan)
    {
        var conditions = new List<string>();
        if (plan.Match is not null)
        {
            conditions.Add(plan.IndexCondition(plan.Match, negated: false));
        }

        if (plan.Where is not null)
        {
            conditions.Add(plan.Where);
        }

        return string.Join(" AND ", conditions);
    }

    private static string Page(SearchPlan plan, SearchBooksRequest request) =>
        $"LIMIT {plan.Add(request.Limit)} OFFSET {plan.Add(request.Offset)}";

    private Task<List<int>> IdsAsync(SearchPlan plan, string sql, CancellationToken cancellationToken) =>
        RowsAsync(plan, sql, r => r.GetInt32(0), cancellationToken);

    private async Task<List<T>> RowsAsync<T>(SearchPlan plan, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        OnStatement?.Invoke(sql, plan.Parameters);
        var connection = await ConnectionAsync(cancellationToken);
        await using var command = connection.Command(sql);
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
