using Shelf.Core.Domain;

namespace Shelf.Core.Features.Search;

/// <summary>The text of one book as the index holds it, for <see cref="SearchRelevance"/>.</summary>
internal sealed record BookText(int Id, string TitleKey, string? Subtitle, string? Series, string? Publisher, string? AuthorKeys);

/// <summary>
/// Orders a bounded set of matches by relevance, the same way on every database: BM25's term
/// frequency with saturation and field-length normalisation, per field, weighted as the index
/// weighs fields (title 10, authors 5, series 2, publisher 1), and a whole-word match counting
/// twice a prefix-only one. Ties fall to the lower id.
/// </summary>
/// <remarks>
/// Shelf scores, not the database, because the databases' own scores are the tail: FTS5's bm25
/// counts every document of every phrase of the query before it scores one row (about 10 ms per
/// common word at a million books), and ts_rank is another formula, which would give each
/// database a different first page. Over the same candidates this gives both the same order.
/// There is no inverse document frequency: every candidate holds every word, and the counts it
/// needs are what a common word makes expensive. Field lengths are measured against the
/// candidates' average, as BM25 measures them against the table's.
/// </remarks>
internal sealed class SearchRelevance(SearchQuery query)
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double PrefixOnly = 0.5;

    private static readonly (TextField Field, double Weight)[] Fields = [(TextField.Title, 10), (TextField.Author, 5), (TextField.Series, 2), (TextField.Publisher, 1)];

    private readonly List<TextTerm> _terms = [.. query.Terms.OfType<TextTerm>().Where(t => !t.Negated)];

    /// <summary>The ids of <paramref name="books"/>, most relevant first.</summary>
    public List<int> Order(IReadOnlyList<BookText> books)
    {
        if (books.Count == 0)
        {
            return [];
        }

        var words = books.Select(b => new[]
        {
            Words(b.TitleKey + " " + TextKey.Normalize(b.Subtitle)),
            Words(b.AuthorKeys),
            Words(TextKey.Normalize(b.Series)),
            Words(TextKey.Normalize(b.Publisher)),
        }).ToList();
        var averages = Enumerable.Range(0, Fields.Length).Select(f => Math.Max(1.0, words.Average(w => w[f].Length))).ToArray();
        return [.. books.Select((b, i) => (b.Id, Score: Score(words[i], averages))).OrderByDescending(s => s.Score).ThenBy(s => s.Id).Select(s => s.Id)];
    }

    private double Score(string[][] fields, double[] averages)
    {
        var score = 0.0;
        for (var f = 0; f < Fields.Length; f++)
        {
            var words = fields[f];
            var lengthNorm = K1 * (1 - B + (B * words.Length / averages[f]));
            foreach (var term in _terms.Where(t => t.Field == TextField.Any || t.Field == Fields[f].Field))
            {
                var frequency = term.Phrase ? Phrases(term.Words, words) : term.Words.Sum(w => Frequency(w, words));
                if (frequency > 0)
                {
                    score += Fields[f].Weight * frequency * (K1 + 1) / (frequency + lengthNorm);
                }
            }
        }

        return score;
    }

    private static double Frequency(string word, string[] words)
    {
        var frequency = 0.0;
        foreach (var w in words)
        {
            if (string.Equals(w, word, StringComparison.Ordinal))
            {
                frequency += 1;
            }
            else if (w.StartsWith(word, StringComparison.Ordinal))
            {
                frequency += PrefixOnly;
            }
        }

        return frequency;
    }

    private static int Phrases(IReadOnlyList<string> phrase, string[] words)
    {
        var count = 0;
        for (var i = 0; i + phrase.Count <= words.Length; i++)
        {
            var all = true;
            for (var j = 0; j < phrase.Count && all; j++)
            {
                all = string.Equals(words[i + j], phrase[j], StringComparison.Ordinal);
            }

            count += all ? 1 : 0;
        }

        return count;
    }

    private static string[] Words(string? text) => string.IsNullOrEmpty(text) ? [] : text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
