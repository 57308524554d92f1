namespace Shelf.Core.Features.Search;

/// <summary>
/// Writes word and phrase terms in each database's full-text syntax: an FTS5 MATCH expression
/// or a PostgreSQL tsquery. Words reach here folded by TextKey (letters and digits only), and are
/// quoted anyway, so no user text is ever read as operators.
/// </summary>
internal abstract class FullTextQuery
{
    public static readonly FullTextQuery Sqlite = new Fts5();

    public static readonly FullTextQuery Postgres = new TsQuery();

    public abstract string Term(TextTerm term);

    public abstract string And(IEnumerable<string> parts);

    public abstract string Or(IEnumerable<string> parts);

    /// <summary><paramref name="positive"/> without the books <paramref name="negative"/> matches.</summary>
    public abstract string AndNot(string positive, string negative);

    private sealed class Fts5 : FullTextQuery
    {
        public override string Term(TextTerm term)
        {
            var text = term.Phrase
                ? $"\"{string.Join(' ', term.Words)}\""
                : term.Words.Count == 1 ? $"\"{term.Words[0]}\"*" : "(" + string.Join(" AND ", term.Words.Select(w => $"\"{w}\"*")) + ")";
            return term.Field switch
            {
                TextField.Title => $"title : {text}",
                TextField.Author => $"authors : {text}",
                TextField.Series => $"series : {text}",
                TextField.Publisher => $"publisher : {text}",
                _ => text,
            };
        }

        public override string And(IEnumerable<string> parts) => "(" + string.Join(" AND ", parts) + ")";

        public override string Or(IEnumerable<string> parts) => "(" + string.Join(" OR ", parts) + ")";

        public override string AndNot(string positive, string negative) => $"({positive} NOT {negative})";
    }

    private sealed class TsQuery : FullTextQuery
    {
        // The weight each field's words carry in the document (see SearchIndexSql).
        private static readonly (TextField Field, char Weight)[] Weights = [(TextField.Title, 'A'), (TextField.Author, 'B'), (TextField.Series, 'C'), (TextField.Publisher, 'D')];

        public override string Term(TextTerm term)
        {
            var weights = term.Field == TextField.Any ? null : Weights.First(w => w.Field == term.Field).Weight.ToString();
            if (!term.Phrase)
            {
                return "(" + string.Join(" & ", term.Words.Select(w => $"'{w}':*{weights}")) + ")";
            }

            // A phrase stays inside one field: the same phrase once per weight, each word held to it,
            // so that the end of a title and the first author never make a phrase.
            var fields = weights is null ? Weights.Select(w => w.Weight.ToString()) : [weights];
            return "(" + string.Join(" | ", fields.Select(weight => "(" + string.Join(" <-> ", term.Words.Select(w => $"'{w}':{weight}")) + ")")) + ")";
        }

        public override string And(IEnumerable<string> parts) => "(" + string.Join(" & ", parts) + ")";

        public override string Or(IEnumerable<string> parts) => "(" + string.Join(" | ", parts) + ")";

        public override string AndNot(string positive, string negative) => $"({positive} & !{negative})";
    }
}
