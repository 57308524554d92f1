using System.Globalization;
using System.Text.RegularExpressions;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Loans;

namespace Shelf.Core.Features.Search;

/// <summary>
/// Reads the search language that every host shares:
/// <list type="bullet">
/// <item>bare words must all match, as word prefixes, in the title, subtitle, series, author names or publisher; case and accents are ignored;</item>
/// <item><c>"an exact phrase"</c>; <c>-term</c> excludes; <c>a OR b</c> takes either (OR binds closer than the implicit AND);</item>
/// <item>fields: <c>title:</c> <c>author:</c> <c>series:</c> <c>publisher:</c> (words or a phrase), <c>isbn:</c>, <c>shelf:</c>, <c>status:</c>, <c>language:</c>, <c>lent:yes</c>/<c>lent:no</c>, <c>borrower:</c>,
/// and the numbers <c>year:</c> <c>rating:</c> <c>pages:</c> with <c>1990</c>, <c>&gt;1990</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c> or <c>1990..2000</c>;</item>
/// <item>an ISBN in any form (13 digits, ISBN-10, with hyphens) finds that book.</item>
/// </list>
/// A malformed query is an <see cref="ErrorKind.Invalid"/> error whose message starts with the
/// position (counted from 1) and says what was expected there.
/// </summary>
public static partial class SearchQueryParser
{
    /// <summary>Longest query accepted, in characters.</summary>
    public const int MaxLength = 500;

    private static readonly string[] FieldNames = ["title", "author", "series", "publisher", "isbn", "shelf", "status", "language", "lent", "borrower", "year", "rating", "pages"];

    /// <summary>Parses <paramref name="text"/>, or says at which position and why it cannot.</summary>
    public static Result<SearchQuery> Parse(string? text)
    {
        text ??= string.Empty;
        if (text.Length > MaxLength)
        {
            return Error.Invalid(BookErrorCodes.SearchTooLong, $"the search text has {text.Length} characters; at most {MaxLength} are allowed");
        }

        var clauses = new List<List<SearchTerm>>();
        var joinNext = false;
        var orPosition = 0;
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var start = i;
            if (IsOr(text, i))
            {
                if (clauses.Count == 0 || joinNext)
                {
                    return Syntax(start, "OR needs a term on each side");
                }

                joinNext = true;
                orPosition = start;
                i += 2;
                continue;
            }

            var term = ReadTerm(text, ref i);
            if (!term.IsSuccess)
            {
                return term.Error!;
            }

            if (term.Value is null)
            {
                // Punctuation only ("&"): nothing to look for, as in a title key.
                continue;
            }

            if (joinNext)
            {
                clauses[^1].Add(term.Value);
                joinNext = false;
            }
            else
            {
                clauses.Add([term.Value]);
            }
        }

        if (joinNext)
        {
            return Syntax(orPosition, "OR needs a term on each side");
        }

        if (clauses.Count == 0)
        {
            return Error.Invalid(BookErrorCodes.SearchEmpty, "the search text has no letters or digits; search for a word from a title or an author's name");
        }

        return new SearchQuery(clauses);
    }

    private static bool IsOr(string text, int i) =>
        string.CompareOrdinal(text, i, "OR", 0, 2) == 0 && (i + 2 == text.Length || char.IsWhiteSpace(text[i + 2]));

    // Null when the term holds nothing to look for.
    private static Result<SearchTerm?> ReadTerm(string text, ref int i)
    {
        var start = i;
        var negated = false;
        if (text[i] == '-')
        {
            negated = true;
            i++;
            if (i >= text.Length || char.IsWhiteSpace(text[i]))
            {
                return Syntax(start, "expected a term right after '-'");
            }
        }

        if (text[i] == '"')
        {
            var phrase = ReadQuoted(text, ref i);
            if (!phrase.IsSuccess)
            {
                return phrase.Error!;
            }

            return Words(TextField.Any, phrase.Value, phrase: true, start, negated);
        }

        var wordStart = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != ':' && text[i] != '"')
        {
            i++;
        }

        var word = text[wordStart..i];
        if (i < text.Length && text[i] == ':' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && IsFieldName(word))
        {
            var name = word.ToLowerInvariant();
            if (!FieldNames.Contains(name))
            {
                return Syntax(wordStart, $"unknown field '{word}:'; the fields are {string.Join(", ", FieldNames.Select(f => f + ":"))}");
            }

            i++;
            var valueStart = i;
            string value;
            var quoted = text[i] == '"';
            if (quoted)
            {
                var phrase = ReadQuoted(text, ref i);
                if (!phrase.IsSuccess)
                {
                    return phrase.Error!;
                }

                value = phrase.Value;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                value = text[valueStart..i];
            }

            return Field(name, value, quoted, start, valueStart, negated);
        }

        // Not a field: the rest of the word, colons and all, is text ("wars:" in a title).
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
        {
            i++;
        }

        word = text[wordStart..i];
        if (IsIsbnLike(word) && Isbn.TryParse(word, out var isbn, out _))
        {
            return new IsbnTerm(isbn.Value) { Position = start + 1, Negated = negated };
        }

        return Words(TextField.Any, word, phrase: false, start, negated);
    }

    private static bool IsFieldName(string word) => word.Length > 0 && word.All(char.IsAsciiLetter);

    // Digits with at most hyphens or spaces between them and an X at the end: what an ISBN looks like, not a word.
    private static bool IsIsbnLike(string word) => word.Length >= 10 && word.All(c => char.IsAsciiDigit(c) || c is '-' or 'x' or 'X');

    private static Result<string> ReadQuoted(string text, ref int i)
    {
        var open = i;
        var close = text.IndexOf('"', open + 1);
        if (close < 0)
        {
            return Syntax(open, "the quote opened here is never closed; add a closing \"");
        }

        i = close + 1;
        return text[(open + 1)..close];
    }

    private static Result<SearchTerm?> Words(TextField field, string value, bool phrase, int start, bool negated)
    {
        var key = TextKey.Normalize(value);
        if (key.Length == 0)
        {
            return field == TextField.Any && !phrase
                ? (SearchTerm?)null
                : Syntax(start, "expected letters or digits to look for");
        }

        var words = key.Split(' ');
        return new TextTerm(field, words, phrase) { Position = start + 1, Negated = negated };
    }

    private static Result<SearchTerm?> Field(string name, string value, bool quoted, int start, int valueStart, bool negated)
    {
        switch (name)
        {
            case "title":
                return Words(TextField.Title, value, quoted, start, negated);
            case "author":
                return Words(TextField.Author, value, quoted, start, negated);
            case "series":
                return Words(TextField.Series, value, quoted, start, negated);
            case "publisher":
                return Words(TextField.Publisher, value, quoted, start, negated);
            case "isbn":
                return Isbn.TryParse(value, out var isbn, out var why)
                    ? new IsbnTerm(isbn.Value) { Position = start + 1, Negated = negated }
                    : Syntax(valueStart, $"expected an ISBN after isbn: ({why})");
            case "shelf":
                var shelf = TextKey.Normalize(value);
                return shelf.Length == 0
                    ? Syntax(valueStart, "expected a shelf name after shelf:")
                    : new ShelfTerm(shelf) { Position = start + 1, Negated = negated };
            case "status":
                var status = PersonalRules.Status(value);
                return status is { IsSuccess: true, Value: { } known }
                    ? new StatusTerm(known) { Position = start + 1, Negated = negated }
                    : Syntax(valueStart, $"expected a reading status after status: ({status.Error?.Message ?? "none given"})");
            case "language":
                return value.Trim().Length == 0
                    ? Syntax(valueStart, "expected a language code after language:")
                    : new LanguageTerm(value.Trim().ToLowerInvariant()) { Position = start + 1, Negated = negated };
            case "lent":
                return value.Trim().ToLowerInvariant() switch
                {
                    "yes" or "true" => new LentTerm(true) { Position = start + 1, Negated = negated },
                    "no" or "false" => new LentTerm(false) { Position = start + 1, Negated = negated },
                    _ => Syntax(valueStart, "expected yes or no after lent:"),
                };
            case "borrower":
                var borrower = LoanRules.Borrower(value);
                return borrower.IsSuccess
                    ? new BorrowerTerm(borrower.Value!.Key) { Position = start + 1, Negated = negated }
                    : Syntax(valueStart, "expected a borrower's name after borrower:");
            default:
                var field = Enum.Parse<NumberField>(name, ignoreCase: true);
                return Number(field, name, value, start, valueStart, negated);
        }
    }

    private static Result<SearchTerm?> Number(NumberField field, string name, string value, int start, int valueStart, bool negated)
    {
        var match = NumberSyntax().Match(value);
        if (!match.Success)
        {
            return Syntax(valueStart, $"expected a number after {name}: (such as {name}:1990, {name}:>=1990 or {name}:1990..2000), not '{value}'");
        }

        if (!TryNumber(match.Groups["a"].Value, out var a) || !TryNumber(match.Groups["b"].Value, out var b))
        {
            return Syntax(valueStart, $"the number after {name}: is too large");
        }

        if (match.Groups["range"].Success && match.Groups["a"].Value.Length == 0 && match.Groups["b"].Value.Length == 0)
        {
            return Syntax(valueStart, $"expected a number on at least one side of .. after {name}:");
        }

        var (min, max) = (match.Groups["op"].Value, match.Groups["range"].Success) switch
        {
            (_, true) => (a, b),
            (">", _) => (a + 1, null),
            (">=", _) => (a, null),
            ("<", _) => (null, a - 1),
            ("<=", _) => ((int?)null, a),
            _ => (a, a),
        };
        if (min > max)
        {
            return Syntax(valueStart, $"the range after {name}: is empty; write the smaller number first");
        }

        return new NumberTerm(field, min, max) { Position = start + 1, Negated = negated };
    }

    private static bool TryNumber(string text, out int? value)
    {
        value = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) && parsed is > -1_000_000 and < 1_000_000)
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static Error Syntax(int index, string expected) =>
        Error.Invalid(BookErrorCodes.SearchSyntax, $"at position {index + 1}: {expected}");

    // 1990, >1990, >=1990, <1990, <=1990, 1990..2000, 1990.., ..2000; years may be negative (BCE).
    [GeneratedRegex(@"^(?:(?<op>>=|<=|>|<)?(?<a>-?\d+)|(?<range>(?<a>-?\d+)?\.\.(?<b>-?\d+)?))$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberSyntax();
}
