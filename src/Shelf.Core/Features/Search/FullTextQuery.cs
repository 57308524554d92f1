using Shelf.Core.Data;

namespace Shelf.Core.Features.Search;

/// <summary>
/// Writes word and phrase terms in each database's full-text syntax: an FTS5 MATCH expression,
/// a PostgreSQL tsquery, or on MySQL a condition on <c>books b</c> over the word table (which has
/// no query language of its own). Words reach here folded by TextKey (letters and digits only),
/// and are quoted anyway (on MySQL they travel as parameters), so no user text is ever read as operators.
/// </summary>
/// <remarks>
/// A bare word is a prefix, but it can be written two ways. <see cref="WordForm.Prefix"/> is the
/// language's meaning (every word starting with it). <see cref="WordForm.Whole"/> asks for the
/// word itself only: a subset of the prefix matches, which both indexes answer without the cost
/// of a prefix (FTS5 merges every term of a prefix longer than its prefix indexes into memory
/// before it returns one row; GIN collects every match of a partial key into a bitmap), so the
/// ranked search looks there first (<see cref="SearchBooks"/>).
/// </remarks>
internal abstract class FullTextQuery
{
    /// <param name="provider">The database to write for.</param>
    /// <param name="prefixes">The prefix words as the index's terms, or null.</param>
    /// <param name="parameter">Adds a value to the statement's parameters and returns its placeholder (MySQL's terms are SQL).</param>
    public static FullTextQuery For(DatabaseProvider provider, PrefixTerms? prefixes, Func<object, string> parameter) => provider switch
    {
        DatabaseProvider.Sqlite => new Fts5(prefixes),
        DatabaseProvider.MySql => new WordTable(parameter),
        _ => new TsQuery(prefixes),
    };

    /// <summary>
    /// True when an expression is SQL, a condition on <c>books b</c>, to be written into the
    /// statement as it is; false when it is the index's own query text, sent as one parameter.
    /// </summary>
    public virtual bool IsCondition => false;

    public abstract string Term(TextTerm term, WordForm form);

    public abstract string And(IEnumerable<string> parts);

    public abstract string Or(IEnumerable<string> parts);

    /// <summary><paramref name="positive"/> without the books <paramref name="negative"/> matches.</summary>
    public abstract string AndNot(string positive, string negative);

    private sealed class Fts5(PrefixTerms? prefixes) : FullTextQuery
    {
        public override string Term(TextTerm term, WordForm form)
        {
            var text = term.Phrase
                ? $"\"{string.Join(' ', term.Words)}\""
                : term.Words.Count == 1 ? Word(term.Words[0], form) : "(" + string.Join(" AND ", term.Words.Select(w => Word(w, form))) + ")";
            return term.Field switch
            {
                TextField.Title => $"title : {text}",
                TextField.Author => $"authors : {text}",
                TextField.Series => $"series : {text}",
                TextField.Publisher => $"publisher : {text}",
                _ => text,
            };
        }

        // A prefix the index's vocabulary has expanded is the same set of books, read lazily term by term.
        private string Word(string word, WordForm form)
        {
            if (form == WordForm.Whole)
            {
                return $"\"{word}\"";
            }

            return prefixes?.Expand(word) is { } terms
                ? terms.Count == 1 ? $"\"{terms[0]}\"" : "(" + string.Join(" OR ", terms.Select(t => $"\"{t}\"")) + ")"
                : $"\"{word}\"*";
        }

        public override string And(IEnumerable<string> parts) => "(" + string.Join(" AND ", parts) + ")";

        public override string Or(IEnumerable<string> parts) => "(" + string.Join(" OR ", parts) + ")";

        public override string AndNot(string positive, string negative) => $"({positive} NOT {negative})";
    }

    private sealed class TsQuery(PrefixTerms? prefixes) : FullTextQuery
    {
        // The weight each field's words carry in the document (see SearchIndexSql).
        private static readonly (TextField Field, char Weight)[] Weights = [(TextField.Title, 'A'), (TextField.Author, 'B'), (TextField.Series, 'C'), (TextField.Publisher, 'D')];

        public override string Term(TextTerm term, WordForm form)
        {
            var weights = term.Field == TextField.Any ? null : Weights.First(w => w.Field == term.Field).Weight.ToString();
            if (!term.Phrase)
            {
                return "(" + string.Join(" & ", term.Words.Select(w => Word(w, form, weights))) + ")";
            }

            // A phrase stays inside one field: the same phrase once per weight, each word held to it,
            // so that the end of a title and the first author never make a phrase.
            var fields = weights is null ? Weights.Select(w => w.Weight.ToString()) : [weights];
            return "(" + string.Join(" | ", fields.Select(weight => "(" + string.Join(" <-> ", term.Words.Select(w => $"'{w}':{weight}")) + ")")) + ")";
        }

        private string Word(string word, WordForm form, string? weights)
        {
            var label = weights is null ? string.Empty : ":" + weights;
            if (form == WordForm.Whole)
            {
                return $"'{word}'{label}";
            }

            return prefixes?.Expand(word) is { } terms
                ? "(" + string.Join(" | ", terms.Select(t => $"'{t}'{label}")) + ")"
                : $"'{word}':*{weights}";
        }

        public override string And(IEnumerable<string> parts) => "(" + string.Join(" & ", parts) + ")";

        public override string Or(IEnumerable<string> parts) => "(" + string.Join(" | ", parts) + ")";

        public override string AndNot(string positive, string negative) => $"({positive} & !{negative})";
    }
}

/// <summary>
/// MySQL's word table (<see cref="SearchIndexSql.MySqlCreate"/>): a word is one seek of the word
/// index (a prefix one range of it, <c>LIKE 'word%'</c> in the column's accent-blind collation), a
/// phrase the same field's words at consecutive positions. Fields are numbered as the table's.
/// </summary>
internal sealed class WordTable(Func<object, string> parameter) : FullTextQuery
{
    public override bool IsCondition => true;

    public override string Term(TextTerm term, WordForm form)
    {
        var field = term.Field switch
        {
            TextField.Title => " AND s0.field = 1",
            TextField.Author => " AND s0.field = 2",
            TextField.Series => " AND s0.field = 3",
            TextField.Publisher => " AND s0.field = 4",
            _ => string.Empty,
        };
        if (!term.Phrase)
        {
            var each = term.Words.Select(w => $"b.id IN (SELECT s0.book_id FROM book_search s0 WHERE {Word("s0", w, form)}{field})").ToList();
            return each.Count == 1 ? each[0] : "(" + string.Join(" AND ", each) + ")";
        }

        // A phrase's words are whole words, each the next position of the same field.
        var joins = string.Concat(term.Words.Skip(1).Select((_, i) =>
            $" JOIN book_search s{i + 1} ON s{i + 1}.book_id = s0.book_id AND s{i + 1}.field = s0.field AND s{i + 1}.position = s0.position + {i + 1}"));
        var words = string.Join(" AND ", term.Words.Select((w, i) => Word($"s{i}", w, WordForm.Whole)));
        return $"b.id IN (SELECT s0.book_id FROM book_search s0{joins} WHERE {words}{field})";
    }

    private string Word(string alias, string word, WordForm form)
    {
        var kept = word.Length > SearchIndexSql.MySqlWordLength ? word[..SearchIndexSql.MySqlWordLength] : word;
        return form == WordForm.Whole ? $"{alias}.word = {parameter(kept)}" : $"{alias}.word LIKE {parameter(kept + "%")}";
    }

    public override string And(IEnumerable<string> parts) => "(" + string.Join(" AND ", parts) + ")";

    public override string Or(IEnumerable<string> parts) => "(" + string.Join(" OR ", parts) + ")";

    public override string AndNot(string positive, string negative) => $"({positive} AND NOT {negative})";
}

/// <summary>How a bare word is looked up: as the prefix it means, or as the whole word only.</summary>
internal enum WordForm
{
    Prefix,
    Whole,
}
