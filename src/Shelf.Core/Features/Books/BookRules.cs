using System.Globalization;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Authors;

namespace Shelf.Core.Features.Books;

/// <summary>
/// Reads the book fields users type (as text, so every host gives the same messages) and checks
/// them against the rules the database also enforces.
/// </summary>
public static class BookRules
{
    /// <summary>Earliest year accepted: clay tablets, not typos.</summary>
    public const int MinYear = -5000;

    public const int MaxFieldLength = 500;

    public static Result<string> Title(string? text)
    {
        var checkedTitle = TitleAndKey(text);
        return checkedTitle.IsSuccess ? checkedTitle.Value.Title : checkedTitle.Error!;
    }

    /// <summary>The title and its matching key, worked out once.</summary>
    internal static Result<(string Title, string Key)> TitleAndKey(string? text)
    {
        var title = CollapseSpaces(text);
        var key = TextKey.Normalize(title);
        if (title.Length == 0 || key.Length == 0)
        {
            return Error.Invalid(BookErrorCodes.TitleEmpty, "the title is empty; give the book a title");
        }

        // The key can be longer than the title ("ß" folds to "ss"); both must fit their columns.
        var length = Math.Max(title.Length, key.Length);
        if (length > Book.MaxTitleLength)
        {
            return Error.Invalid(BookErrorCodes.TitleTooLong, $"the title has {length} characters (accents and ligatures spelled out); at most {Book.MaxTitleLength} are allowed");
        }

        return (title, key);
    }

    /// <summary>Optional pages: empty means none.</summary>
    public static Result<int?> Pages(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (int?)null;
        }

        switch (WholeNumber.Parse(text, out var pages))
        {
            case WholeNumber.Outcome.NotANumber:
                return Error.Invalid(BookErrorCodes.PagesNotNumber, $"pages must be a whole number, not '{UserText.Shorten(text)}'");
            case WholeNumber.Outcome.TooLarge:
                return Error.Invalid(BookErrorCodes.PagesTooMany, $"{UserText.Shorten(text.Trim())} pages is too large; at most {Book.MaxPages}");
            case WholeNumber.Outcome.TooSmall:
                return Error.Invalid(BookErrorCodes.PagesNotPositive, $"pages must be greater than 0, not {UserText.Shorten(text.Trim())}");
        }

        if (pages <= 0)
        {
            return Error.Invalid(BookErrorCodes.PagesNotPositive, $"pages must be greater than 0, not {pages}");
        }

        if (pages > Book.MaxPages)
        {
            return Error.Invalid(BookErrorCodes.PagesTooMany, $"{pages} pages is too large; at most {Book.MaxPages}");
        }

        return (int?)pages;
    }

    /// <summary>Optional ISBN-10 or ISBN-13, returned as ISBN-13 digits.</summary>
    public static Result<string?> Isbn13(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (string?)null;
        }

        return Isbn.TryParse(text, out var isbn, out var error)
            ? isbn.Value
            : Error.Invalid(BookErrorCodes.IsbnInvalid, error);
    }

    /// <summary>Optional year; negative for BCE.</summary>
    public static Result<int?> Year(string? text, string field = "year")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (int?)null;
        }

        var parsed = WholeNumber.Parse(text, out var year);
        if (parsed == WholeNumber.Outcome.NotANumber)
        {
            return Error.Invalid(BookErrorCodes.YearNotNumber, $"{field} must be a whole number such as 1999, not '{UserText.Shorten(text)}'");
        }

        var latest = DateTime.UtcNow.Year + 5;
        if (parsed != WholeNumber.Outcome.Number)
        {
            return Error.Invalid(
                BookErrorCodes.YearOutOfRange,
                parsed == WholeNumber.Outcome.TooLarge ? $"{field} {UserText.Shorten(text.Trim())} is too large; at most {latest}" : $"{field} {UserText.Shorten(text.Trim())} is too small; at least {MinYear}");
        }

        if (year < MinYear || year > latest || year == 0)
        {
            return Error.Invalid(BookErrorCodes.YearOutOfRange, $"{field} {year} is out of range; use a year from {MinYear} to {latest} (no year 0; negative is BCE)");
        }

        return (int?)year;
    }

    /// <summary>Optional free text (publisher, subtitle): trimmed, empty means none.</summary>
    public static Result<string?> Text(string? text, string field, int maxLength = MaxFieldLength)
    {
        var value = CollapseSpaces(text);
        if (value.Length == 0)
        {
            return (string?)null;
        }

        return value.Length > maxLength
            ? Error.Invalid(BookErrorCodes.FieldTooLong, $"the {field} has {value.Length} characters; at most {maxLength} are allowed")
            : value;
    }

    /// <summary>
    /// An optional list price ("9.99") in <paramref name="currency"/>, else <paramref name="defaultCurrency"/>.
    /// Empty means none; a currency without a price is refused.
    /// </summary>
    public static Result<Money?> ListPrice(string? price, string? currency, string defaultCurrency)
    {
        if (string.IsNullOrWhiteSpace(price))
        {
            return string.IsNullOrWhiteSpace(currency)
                ? (Money?)null
                : Error.Invalid(BookErrorCodes.CurrencyWithoutPrice, $"a currency ({currency.Trim()}) was given without a list price; give the price too, such as 9.99");
        }

        var code = defaultCurrency;
        if (!string.IsNullOrWhiteSpace(currency) && !Currency.TryParse(currency, out code, out var currencyError))
        {
            return Error.Invalid(BookErrorCodes.CurrencyInvalid, currencyError);
        }

        return Money.TryParse(price, code, out var money, out var error)
            ? (Money?)money
            : Error.Invalid(BookErrorCodes.PriceInvalid, $"the list price {error}");
    }

    /// <summary>Parses the credits in order; at least one is required, and no person twice in the same role.</summary>
    public static Result<IReadOnlyList<(AuthorName Name, AuthorRole Role)>> Credits(IReadOnlyList<AuthorCredit> credits)
    {
        if (credits.Count == 0)
        {
            return Error.Invalid(BookErrorCodes.NoAuthor, "a book needs at least one author");
        }

        var parsed = new List<(AuthorName, AuthorRole)>(credits.Count);
        var seen = new HashSet<(string, AuthorRole)>();
        foreach (var credit in credits)
        {
            if (!AuthorName.TryParse(credit.Name, out var name, out var error))
            {
                return Error.Invalid(AuthorErrorCodes.NameInvalid, $"author '{UserText.Shorten(credit.Name)}': {error}");
            }

            if (!seen.Add((name.Key, credit.Role)))
            {
                return Error.Invalid(BookErrorCodes.AuthorRepeated, $"{name.Display} is listed twice as {credit.Role.ToString().ToLowerInvariant()}; list each person once");
            }

            parsed.Add((name, credit.Role));
        }

        return parsed;
    }

    internal static string CollapseSpaces(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        return IsCollapsed(text) ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    // Most values need no change; checking is much cheaper than splitting and joining (imports call this millions of times).
    private static bool IsCollapsed(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                return false;
            }
            else
            {
                previousSpace = false;
            }
        }

        return true;
    }
}
