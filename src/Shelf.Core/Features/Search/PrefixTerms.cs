using System.Data.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Search;

/// <summary>
/// The prefix words of a query expanded to the terms the index actually holds, so each database
/// reads those terms' lists instead of resolving a prefix: FTS5 merges every list of a prefix
/// longer than its prefix indexes into memory before it returns one row, and GIN collects every
/// match of a partial key into a bitmap, about 15 ms and 40 ms for a common word at a million
/// books, paid again for each prefix of the query. A word with its terms is the same set of books.
/// </summary>
/// <remarks>
/// One seek per term: the word itself, then each longer term starting with it. SQLite reads an
/// fts5vocab table of the <c>instance</c> kind on the connection's temp schema (nothing is added
/// to the library, so a read-only library works too), which seeks to a term without counting its
/// documents, where the <c>row</c> kind counts every document of every term it passes. PostgreSQL
/// reads <c>book_search_terms</c>, every lexeme the index has held (<see cref="SearchIndexSql.PostgresTermsCreate"/>);
/// a lexeme no book holds any more only adds a term that finds nothing. On SQLite, words of at most
/// <see cref="SqlitePrefixIndexLength"/> characters stay prefixes, which FTS5's prefix indexes
/// answer lazily; a word standing for more than <see cref="MostTerms"/> terms stays a prefix too,
/// which is correct and only slower.
/// </remarks>
internal sealed class PrefixTerms
{
    /// <summary>The longest prefix index of <c>book_search</c> (<see cref="SearchIndexSql.SqliteTable"/>).</summary>
    private const int SqlitePrefixIndexLength = 3;

    private const int MostTerms = 16;

    private const string SqliteVocabulary = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.book_search_terms USING fts5vocab(main, book_search, instance)";

    private const string NextTerm = " WHERE term >= @from AND term < @to";

    private readonly Dictionary<string, IReadOnlyList<string>?> _terms = new(StringComparer.Ordinal);

    // PostgreSQL only: about how many books hold the word whole, and any word it starts (null: too many terms to say).
    private readonly Dictionary<string, (int Whole, int? Prefix)> _books = new(StringComparer.Ordinal);

    private PrefixTerms()
    {
    }

    /// <summary>The terms <paramref name="word"/> stands for, or null to leave it a prefix.</summary>
    public IReadOnlyList<string>? Expand(string word) => _terms.GetValueOrDefault(word);

    /// <summary>
    /// At most about how many books the query's full-text part can find with its words taken as
    /// <paramref name="form"/> says: the fewest of any word every match must hold. Null when the
    /// vocabulary cannot say (SQLite, or no such word).
    /// </summary>
    public int? MostBooks(SearchQuery query, WordForm form)
    {
        int? most = null;
        foreach (var clause in query.Clauses)
        {
            if (clause is not [TextTerm { Negated: false } term])
            {
                continue;
            }

            foreach (var word in term.Words)
            {
                if (_books.TryGetValue(word, out var books) && (term.Phrase || form == WordForm.Whole ? books.Whole : books.Prefix) is { } count)
                {
                    most = Math.Min(most ?? int.MaxValue, count);
                }
            }
        }

        return most;
    }

    public static async Task<PrefixTerms> ReadAsync(DbConnection connection, DbTransaction? transaction, DatabaseProvider provider, SearchQuery query, CancellationToken cancellationToken)
    {
        var sqlite = provider == DatabaseProvider.Sqlite;
        var prefixes = new PrefixTerms();
        if (provider == DatabaseProvider.MySql)
        {
            // MySQL's word table answers a prefix as one range of its word index, which costs what
            // seeking each of the prefix's words would: nothing to expand.
            return prefixes;
        }

        var words = query.Terms.OfType<TextTerm>().Where(t => !t.Phrase).SelectMany(t => t.Words)
            .Where(w => !sqlite || w.Length > SqlitePrefixIndexLength).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            return prefixes;
        }

        if (sqlite)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = SqliteVocabulary;
            create.Transaction = transaction;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var next = connection.CreateCommand();
        // fts5vocab yields terms in order already, a row for each instance of a term, so SQLite seeks
        // past each term in turn. PostgreSQL's table has a row per term (two when two writers added
        // one at once, hence DISTINCT ON): one statement reads a word's terms, in order too.
        next.CommandText = sqlite
            ? "SELECT term, 0 FROM temp.book_search_terms" + NextTerm + " LIMIT 1"
            : "SELECT DISTINCT ON (term) term, books FROM book_search_terms" + NextTerm + " ORDER BY term LIMIT " + (MostTerms + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        next.Transaction = transaction;
        var from = next.CreateParameter();
        from.ParameterName = "@from";
        next.Parameters.Add(from);
        var to = next.CreateParameter();
        to.ParameterName = "@to";
        next.Parameters.Add(to);
        foreach (var word in words)
        {
            // Every term starting with the word sorts from the word itself up to the word followed by
            // the highest code point (byte order on both: FTS5 compares bytes, and the PostgreSQL
            // column is COLLATE "C"); a term never holds a control character, so term + U+0001 is
            // the first string after the term itself.
            to.Value = word + char.ConvertFromUtf32(0x10FFFF);
            var terms = new List<string>();
            int whole = 0, prefix = 0;
            from.Value = word;
            foreach (var (term, books) in sqlite ? await SeekEachAsync(next, from, cancellationToken) : await ReadAllAsync(next, cancellationToken))
            {
                terms.Add(term);
                whole += term == word ? books : 0;
                prefix += books;
            }

            prefixes._terms[word] = terms.Count > MostTerms ? null : terms.Count == 0 ? [word] : terms;
            if (!sqlite)
            {
                prefixes._books[word] = (whole, terms.Count > MostTerms ? null : prefix);
            }
        }

        return prefixes;
    }

    // At most MostTerms + 1 terms from the word on, one statement each.
    private static async Task<List<(string Term, int Books)>> SeekEachAsync(DbCommand next, DbParameter from, CancellationToken cancellationToken)
    {
        var terms = new List<(string Term, int Books)>();
        while (terms.Count <= MostTerms && await NextAsync(next, cancellationToken) is { } term)
        {
            terms.Add(term);
            from.Value = term.Term + "\u0001";
        }

        return terms;
    }

    private static async Task<List<(string Term, int Books)>> ReadAllAsync(DbCommand next, CancellationToken cancellationToken)
    {
        var terms = new List<(string Term, int Books)>();
        await using var reader = await next.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            terms.Add(Row(reader));
        }

        return terms;
    }

    private static (string Term, int Books) Row(DbDataReader reader) =>
        (reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<(string Term, int Books)?> NextAsync(DbCommand next, CancellationToken cancellationToken)
    {
        await using var reader = await next.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Row(reader) : null;
    }
}
