using System.Globalization;
using System.Text;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Search;

/// <summary>
/// A parsed query turned into SQL for one database: <see cref="Match"/>, the full-text part the
/// index answers in one lookup (every clause made only of positive words and phrases), and
/// <see cref="Where"/>, the rest as a condition on <c>books b</c> (fields, negations, and clauses
/// that mix text with fields, which look the text up in the index term by term). Values only
/// ever travel as parameters.
/// </summary>
internal sealed class SearchPlan
{
    private readonly StringBuilder _where = new();
    private readonly FullTextQuery _text;
    private readonly bool _sqlite;

    private SearchPlan(DatabaseProvider provider)
    {
        _sqlite = provider == DatabaseProvider.Sqlite;
        _text = _sqlite ? FullTextQuery.Sqlite : FullTextQuery.Postgres;
    }

    /// <summary>The full-text expression every result must match, or null when the query has none.</summary>
    public string? Match { get; private set; }

    /// <summary>A condition on <c>books b</c>, or null.</summary>
    public string? Where => _where.Length == 0 ? null : _where.ToString();

    public List<(string Name, object Value)> Parameters { get; } = [];

    public static SearchPlan For(SearchQuery query, DatabaseProvider provider)
    {
        var plan = new SearchPlan(provider);
        var positive = new List<string>();
        var negative = new List<string>();
        foreach (var clause in query.Clauses)
        {
            if (clause.All(t => t is TextTerm { Negated: false }))
            {
                positive.Add(clause.Count == 1 ? plan._text.Term((TextTerm)clause[0]) : plan._text.Or(clause.Select(t => plan._text.Term((TextTerm)t))));
            }
            else if (clause is [TextTerm { Negated: true } excluded])
            {
                negative.Add(plan._text.Term(excluded with { Negated = false }));
            }
            else
            {
                plan.AddCondition("(" + string.Join(" OR ", clause.Select(plan.Condition)) + ")");
            }
        }

        if (positive.Count > 0)
        {
            var match = positive.Count == 1 ? positive[0] : plan._text.And(positive);
            foreach (var excluded in negative)
            {
                match = plan._text.AndNot(match, excluded);
            }

            plan.Match = match;
        }
        else
        {
            // Nothing positive to look up first: each excluded term is a condition of its own.
            foreach (var excluded in negative)
            {
                plan.AddCondition($"b.id NOT IN ({plan.IndexLookup(excluded)})");
            }
        }

        return plan;
    }

    private void AddCondition(string condition)
    {
        if (_where.Length > 0)
        {
            _where.Append(" AND ");
        }

        _where.Append(condition);
    }

    private string Condition(SearchTerm term)
    {
        var condition = term switch
        {
            TextTerm text => $"b.id IN ({IndexLookup(_text.Term(text with { Negated = false }))})",
            IsbnTerm isbn => $"b.isbn13 = {Parameter(isbn.Isbn13)}",
            ShelfTerm shelf => $"EXISTS (SELECT 1 FROM book_tags bt JOIN tags t ON t.id = bt.tag_id WHERE bt.book_id = b.id AND t.name_key = {Parameter(shelf.ShelfKey)})",
            StatusTerm status => $"b.status = {Parameter(status.Status)}",
            LanguageTerm language => $"lower(b.language) = {Parameter(language.Language)}",
            NumberTerm number => Between(number),
            _ => throw new InvalidOperationException($"no SQL for {term.GetType().Name}"),
        };

        // IS NOT TRUE, not NOT: "-rating:5" keeps the unrated books, whose test is NULL.
        return term.Negated ? $"(({condition}) IS NOT TRUE)" : condition;
    }

    private string Between(NumberTerm number)
    {
        var column = number.Field switch
        {
            NumberField.Year => "coalesce(b.original_publication_year, b.year_published)",
            NumberField.Rating => "b.rating",
            _ => "b.pages",
        };
        var parts = new List<string>();
        if (number.Min is { } min)
        {
            parts.Add($"{column} >= {Parameter(min)}");
        }

        if (number.Max is { } max)
        {
            parts.Add($"{column} <= {Parameter(max)}");
        }

        return parts.Count == 0 ? $"{column} IS NOT NULL" : "(" + string.Join(" AND ", parts) + ")";
    }

    /// <summary>The ids of the books an expression matches, as a subquery.</summary>
    private string IndexLookup(string expression) => _sqlite
        ? $"SELECT rowid FROM book_search WHERE book_search MATCH {Parameter(expression)}"
        : $"SELECT book_id FROM book_search WHERE document @@ {Parameter(expression)}::tsquery";

    private string Parameter(object value)
    {
        var name = "p" + Parameters.Count.ToString(CultureInfo.InvariantCulture);
        Parameters.Add((name, value));
        return "@" + name;
    }

    /// <summary>Adds one more parameter for the caller's own SQL.</summary>
    public string Add(object value) => Parameter(value);
}
