namespace Shelf.Core.Features.Search;

/// <summary>The text fields a word or phrase can be looked for in; <see cref="Any"/> is all of them.</summary>
public enum TextField
{
    Any,
    Title,
    Author,
    Series,
    Publisher,
}

/// <summary>The numeric fields a comparison or range can test.</summary>
public enum NumberField
{
    /// <summary>The original publication year when known, else the edition's year.</summary>
    Year,
    Rating,
    Pages,
}

/// <summary>One condition of a query; <see cref="Negated"/> turns it into "not this".</summary>
public abstract record SearchTerm
{
    /// <summary>Where the term starts in the query, counted from 1, for messages.</summary>
    public required int Position { get; init; }

    public bool Negated { get; init; }
}

/// <summary>
/// Words that must all appear in <see cref="Field"/>, folded like every key (<see cref="Domain.TextKey"/>).
/// Bare words match as prefixes of a word ("tolk" finds Tolkien); a phrase matches its words in order, whole.
/// </summary>
public sealed record TextTerm(TextField Field, IReadOnlyList<string> Words, bool Phrase) : SearchTerm;

/// <summary>The book with this ISBN (held as 13 digits).</summary>
public sealed record IsbnTerm(string Isbn13) : SearchTerm;

/// <summary>Books on the shelf with this key.</summary>
public sealed record ShelfTerm(string ShelfKey) : SearchTerm;

/// <summary>Books with this reading status (after its other names are resolved).</summary>
public sealed record StatusTerm(string Status) : SearchTerm;

/// <summary>Books whose language code is this (case ignored).</summary>
public sealed record LanguageTerm(string Language) : SearchTerm;

/// <summary>Books out on loan now (<see cref="Lent"/> true) or not (false): <c>lent:yes</c>, <c>lent:no</c>.</summary>
public sealed record LentTerm(bool Lent) : SearchTerm;

/// <summary>Books out now to a borrower whose folded name is <see cref="NameKey"/> or starts with it as whole words.</summary>
public sealed record BorrowerTerm(string NameKey) : SearchTerm;

/// <summary>A number between <see cref="Min"/> and <see cref="Max"/>, both included; null is unbounded.</summary>
public sealed record NumberTerm(NumberField Field, int? Min, int? Max) : SearchTerm;

/// <summary>
/// A parsed query: every clause must hold (implicit AND); a clause holds when any of its
/// alternatives does (terms joined by OR).
/// </summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> Clauses)
{
    /// <summary>Every term, in query order.</summary>
    public IEnumerable<SearchTerm> Terms => Clauses.SelectMany(c => c);

    /// <summary>
    /// The words of the bare, positive words and phrases of a query made only of them (no fields,
    /// no OR, no negation), joined: what a title must equal or start with to rank first. Null otherwise.
    /// </summary>
    public string? PlainText
    {
        get
        {
            var words = new List<string>();
            foreach (var clause in Clauses)
            {
                if (clause is not [TextTerm { Field: TextField.Any, Negated: false } text])
                {
                    return null;
                }

                words.AddRange(text.Words);
            }

            return words.Count == 0 ? null : string.Join(' ', words);
        }
    }
}
