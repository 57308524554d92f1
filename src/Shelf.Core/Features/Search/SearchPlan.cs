using System.Globalization;
using System.Text;
using Shelf.Core.Data;
using Shelf.Core.Domain;

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
    private readonly DatabaseProvider _provider;

    private SearchPlan(DatabaseProvider provider, PrefixTerms? prefixes)
    {
        _provider = provider;
        _text = FullTextQuery.For(provider, prefixes, Parameter);
    }

    /// <summary>True when <see cref="Match"/> is a condition on <c>books b</c> (MySQL), not the index's query text.</summary>
    public bool MatchIsCondition => _text.IsCondition;

    /// <summary>The full-text expression every result must match, or null when the query has none.</summary>
    public string? Match { get; private set; }

    /// <summary>
    /// <see cref="Match"/> with its bare words taken whole (<see cref="WordForm.Whole"/>): a subset
    /// of its books that the index finds without reading prefixes; null when that is the same expression.
    /// </summary>
    public string? WholeWordMatch { get; private set; }

    /// <summary>A condition on <c>books b</c>, or null.</summary>
    public string? Where => _where.Length == 0 ? null : _where.ToString();

    public List<(string Name, object Value)> Parameters { get; } = [];

    /// <param name="query">The parsed query.</param>
    /// <param name="provider">The database to write for.</param>
    /// <param name="prefixes">The query's prefix words as the index's terms (see <see cref="PrefixTerms"/>), or null to leave them prefixes.</param>
    public static SearchPlan For(SearchQuery query, DatabaseProvider provider, PrefixTerms? prefixes = null)
    {
        var plan = new SearchPlan(provider, prefixes);
        var positive = new List<TextTerm[]>();
        var negative = new List<string>();
        foreach (var clause in query.Clauses)
        {
            if (clause.All(t => t is TextTerm { Negated: false }))
            {
                positive.Add([.. clause.Cast<TextTerm>()]);
            }
            else if (clause is [TextTerm { Negated: true } excluded])
            {
                negative.Add(plan._text.Term(excluded with { Negated = false }, WordForm.Prefix));
            }
            else
            {
                plan.AddCondition("(" + string.Join(" OR ", clause.Select(plan.Condition)) + ")");
            }
        }

        if (positive.Count > 0)
        {
            // Excluded words stay prefixes in both forms: the whole-word form may find fewer books, never other ones.
            plan.Match = plan.Positive(positive, negative, WordForm.Prefix);
            var whole = plan.Positive(positive, negative, WordForm.Whole);
            plan.WholeWordMatch = whole == plan.Match ? null : whole;
        }
        else
        {
            // Nothing positive to look up first: each excluded term is a condition of its own.
            foreach (var excluded in negative)
            {
                plan.AddCondition(plan.IndexCondition(excluded, negated: true));
            }
        }

        return plan;
    }

    private string Positive(List<TextTerm[]> clauses, List<string> negative, WordForm form)
    {
        var parts = clauses.Select(c => c.Length == 1 ? _text.Term(c[0], form) : _text.Or(c.Select(t => _text.Term(t, form)))).ToList();
        var match = parts.Count == 1 ? parts[0] : _text.And(parts);
        foreach (var excluded in negative)
        {
            match = _text.AndNot(match, excluded);
        }

        return match;
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
            TextTerm text => IndexCondition(_text.Term(text with { Negated = false }, WordForm.Prefix), negated: false),
            IsbnTerm isbn => $"b.isbn13 = {Parameter(isbn.Isbn13)}",
            ShelfTerm shelf => $"EXISTS (SELECT 1 FROM book_tags bt JOIN tags t ON t.id = bt.tag_id WHERE bt.book_id = b.id AND (t.name_key = {Parameter(shelf.ShelfKey)} OR t.name_key LIKE {Parameter(ShelfKey.VariantPrefix(shelf.ShelfKey) + "%")}))",
            StatusTerm status => $"b.status = {Parameter(status.Status)}",
            LanguageTerm language => $"lower(b.language) = {Parameter(language.Language)}",
            // Open loans only: the partial index ix_loans_open_book_id answers both.
            LentTerm { Lent: true } => "EXISTS (SELECT 1 FROM loans l WHERE l.book_id = b.id AND l.returned_at IS NULL)",
            LentTerm { Lent: false } => "NOT EXISTS (SELECT 1 FROM loans l WHERE l.book_id = b.id AND l.returned_at IS NULL)",
            BorrowerTerm borrower => "EXISTS (SELECT 1 FROM loans l JOIN borrowers w ON w.id = l.borrower_id WHERE l.book_id = b.id AND l.returned_at IS NULL"
                + $" AND (w.name_key = {Parameter(borrower.NameKey)} OR w.name_key LIKE {Parameter(borrower.NameKey + " %")}))",
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

    /// <summary>A condition on <c>books b</c>: the book is (or, negated, is not) one an expression matches.</summary>
    public string IndexCondition(string expression, bool negated)
    {
        if (_text.IsCondition)
        {
            return negated ? $"NOT {expression}" : expression;
        }

        var lookup = _provider == DatabaseProvider.Sqlite
            ? $"SELECT rowid FROM book_search WHERE book_search MATCH {Parameter(expression)}"
            : $"SELECT book_id FROM book_search WHERE document @@ {Parameter(expression)}::tsquery";
        return $"b.id {(negated ? "NOT IN" : "IN")} ({lookup})";
    }

    private string Parameter(object value)
    {
        var name = "p" + Parameters.Count.ToString(CultureInfo.InvariantCulture);
        Parameters.Add((name, value));
        return "@" + name;
    }

    /// <summary>Adds one more parameter for the caller's own SQL.</summary>
    public string Add(object value) => Parameter(value);
}
