using System.Globalization;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Shelves;

namespace Shelf.Core.Features.Books;

/// <summary>
/// Reads the owner's fields as users type them (rating, status, dates, counts, shelf names), so
/// every host gives the same messages. An empty value clears a field.
/// </summary>
public static class PersonalRules
{
    public const int MaxShelfName = 200;
    public const int MaxStatus = 100;

    /// <summary>1 to 5 stars; "" or 0 clears.</summary>
    public static Result<int?> Rating(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "0")
        {
            return (int?)null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var stars) && stars is >= 1 and <= 5
            ? (int?)stars
            : Error.Invalid(BookErrorCodes.RatingInvalid, $"a rating is 1 to 5 stars (0 or \"\" clears it), not '{UserText.Shorten(text)}'");
    }

    /// <summary>A built-in status (with the other names it goes by) or the user's own exclusive shelf; "" clears.</summary>
    public static Result<string?> Status(string text)
    {
        var value = BookRules.CollapseSpaces(text);
        if (value.Length == 0)
        {
            return (string?)null;
        }

        if (value.Length > MaxStatus)
        {
            return Error.Invalid(BookErrorCodes.StatusTooLong, $"a status has at most {MaxStatus} characters; this one has {value.Length}");
        }

        return ReadingStatus.Normalize(value);
    }

    /// <summary>A calendar day as yyyy-mm-dd; "" clears.</summary>
    public static Result<DateOnly?> Date(string text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (DateOnly?)null;
        }

        return DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (DateOnly?)date
            : Error.Invalid(BookErrorCodes.DateInvalid, $"{field} must be a date such as 2024-10-06, not '{UserText.Shorten(text)}'");
    }

    /// <summary>A count of 0 or more; "" means 0 for read counts and none for owned copies.</summary>
    public static Result<int?> Count(string text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (int?)null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 100_000
            ? (int?)count
            : Error.Invalid(BookErrorCodes.CountInvalid, $"{field} must be a whole number from 0 to 100000, not '{UserText.Shorten(text)}'");
    }

    /// <summary>A shelf name: something with letters or digits, at most 200 characters.</summary>
    public static Result<string> ShelfName(string text)
    {
        var name = BookRules.CollapseSpaces(text);
        if (TextKey.Normalize(name).Length == 0)
        {
            return Error.Invalid(ShelfErrorCodes.NameEmpty, $"'{UserText.Shorten(text)}' is not a shelf name; a shelf name needs a letter or a digit");
        }

        return name.Length > MaxShelfName
            ? Error.Invalid(ShelfErrorCodes.NameTooLong, $"a shelf name has at most {MaxShelfName} characters; this one has {name.Length}")
            : name;
    }

    /// <summary>Free text the owner writes (review, notes); kept as written, trimmed; "" clears.</summary>
    public static string? LongText(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
