using System.Globalization;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Sales;

/// <summary>
/// Reads the sale fields users type (as text, so every host gives the same messages) and checks
/// them against the rules the database also enforces.
/// </summary>
public static class SaleRules
{
    /// <summary>
    /// The current UTC time to whole microseconds, the precision PostgreSQL keeps, so what a use
    /// case returns equals what either database reads back.
    /// </summary>
    public static DateTime Now(TimeProvider? clock)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % 10));
    }

    public static Result<int> Quantity(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return Error.Invalid(SaleErrorCodes.QuantityMissing, "no quantity given; say how many copies were sold, such as 2");
        }

        switch (WholeNumber.Parse(trimmed, out var quantity))
        {
            case WholeNumber.Outcome.NotANumber:
                return Error.Invalid(SaleErrorCodes.QuantityNotNumber, $"the quantity must be a whole number of copies, such as 2, not '{UserText.Shorten(trimmed)}'");
            case WholeNumber.Outcome.TooLarge:
                return Error.Invalid(SaleErrorCodes.QuantityTooLarge, $"{UserText.Shorten(trimmed)} copies is too large; at most {SaleMath.MaxQuantity} on one order line (split the order)");
            case WholeNumber.Outcome.TooSmall:
                return Error.Invalid(SaleErrorCodes.QuantityNotPositive, $"the quantity must be 1 or more, not {UserText.Shorten(trimmed)}; a return is recorded as a refund of the sale");
        }

        if (quantity <= 0)
        {
            return Error.Invalid(SaleErrorCodes.QuantityNotPositive, $"the quantity must be 1 or more, not {quantity}; a return is recorded as a refund of the sale");
        }

        return quantity > SaleMath.MaxQuantity
            ? Error.Invalid(SaleErrorCodes.QuantityTooLarge, $"{quantity} copies is too large; at most {SaleMath.MaxQuantity} on one order line (split the order)")
            : quantity;
    }

    public static Result<Discount> Discount(string? text) =>
        Domain.Discount.TryParse(text, out var discount, out var error)
            ? discount
            : Error.Invalid(SaleErrorCodes.DiscountInvalid, error);

    /// <summary>A currency code, or <paramref name="fallback"/> when none is given.</summary>
    public static Result<string> Currency(string? text, string fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return Domain.Currency.TryParse(text, out var code, out var error)
            ? code
            : Error.Invalid(SaleErrorCodes.CurrencyInvalid, error);
    }

    public static Result<Money> Price(string text, string currency) =>
        Money.TryParse(text, currency, out var money, out var error)
            ? money
            : Error.Invalid(SaleErrorCodes.PriceInvalid, $"the price {error}");

    /// <summary>
    /// The unit price of a sale: the one given (in the given currency, else the default one), or
    /// else the book's list price (whose currency must then agree with any currency given).
    /// </summary>
    internal static Result<Money> UnitPrice(string? priceText, string? currencyText, string defaultCurrency, BookForSale book)
    {
        if (!string.IsNullOrWhiteSpace(priceText))
        {
            var currency = Currency(currencyText, defaultCurrency);
            return currency.IsSuccess ? Price(priceText, currency.Value) : currency.Error!;
        }

        if (book.ListPriceMinor is not { } listPrice || book.ListPriceCurrency is not { } listCurrency)
        {
            return Error.Invalid(
                SaleErrorCodes.NoPrice,
                $"book {book.Id}, \"{UserText.Shorten(book.Title)}\", has no list price, so the sale needs its price (such as 9.99)");
        }

        var asked = Currency(currencyText, listCurrency);
        if (!asked.IsSuccess)
        {
            return asked.Error!;
        }

        return asked.Value == listCurrency
            ? new Money(listPrice, listCurrency)
            : Error.Invalid(
                SaleErrorCodes.CurrencyMismatch,
                $"book {book.Id}'s list price is in {listCurrency}, not {asked.Value}; give the price in {asked.Value} as well");
    }

    /// <summary>A given order number, or null when none is given (Shelf then makes one).</summary>
    public static Result<string?> OrderNumber(string? text)
    {
        if (text is null)
        {
            return (string?)null;
        }

        return Domain.OrderNumber.TryParse(text, out var number, out var error)
            ? number
            : Error.Invalid(SaleErrorCodes.OrderNumberInvalid, error);
    }

    /// <summary>
    /// When a sale happened: a date (2026-01-31, taken as midnight UTC) or a date and time in
    /// ISO 8601 (2026-01-31T14:05:00Z; without an offset it is UTC). Empty means now.
    /// </summary>
    public static Result<DateTime> SoldAt(string? text, DateTime now)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return now;
        }

        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }

        if (DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment)
            && trimmed.Contains('T', StringComparison.Ordinal))
        {
            return DateTime.SpecifyKind(moment.AddTicks(-(moment.Ticks % 10)), DateTimeKind.Utc);
        }

        return Error.Invalid(SaleErrorCodes.DateInvalid, $"'{UserText.Shorten(trimmed)}' is not a date; write it as 2026-01-31 or 2026-01-31T14:05:00Z");
    }

    /// <summary>An optional day of a date range (UTC), written 2026-01-31.</summary>
    public static Result<DateOnly?> Day(string? text, string field)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return (DateOnly?)null;
        }

        return DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : Error.Invalid(SaleErrorCodes.DateInvalid, $"{field} '{UserText.Shorten(trimmed)}' is not a date; write it as 2026-01-31");
    }

    /// <summary>Checks a from/to pair and turns it into a half-open range of UTC times.</summary>
    internal static Result<(DateTime? From, DateTime? Until)> Period(string? from, string? to)
    {
        var first = Day(from, "the start date");
        var last = Day(to, "the end date");
        if (Error.FirstOf(first.Error, last.Error) is { } invalid)
        {
            return invalid;
        }

        if (first.Value is { } a && last.Value is { } b && b < a)
        {
            return Error.Invalid(SaleErrorCodes.PeriodReversed, $"the period ends ({b:yyyy-MM-dd}) before it starts ({a:yyyy-MM-dd}); swap the dates");
        }

        return (first.Value?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), last.Value?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }
}
