using System.Globalization;
using Shelf.Core.Common;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Loans;

/// <summary>What a loan's inputs must look like, checked the same way for every host.</summary>
public static class LoanRules
{
    /// <summary>Longest loan period accepted: ten years is a gift, not a loan.</summary>
    public const int MaxDays = 3650;

    /// <summary>The borrower's name, parsed and folded like an author's.</summary>
    public static Result<AuthorName> Borrower(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error.Invalid(LoanErrorCodes.BorrowerMissing, "a loan needs the borrower's name, such as Anne Dupré");
        }

        return AuthorName.TryParse(text, out var name, out var problem)
            ? name
            : Error.Invalid(LoanErrorCodes.BorrowerInvalid, problem.Replace("an author name", "a borrower's name", StringComparison.Ordinal));
    }

    public static Result<string?> Contact(string? text)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return trimmed is { Length: > Domain.Borrower.MaxContactLength }
            ? Error.Invalid(LoanErrorCodes.ContactTooLong, $"a contact has at most {Domain.Borrower.MaxContactLength} characters; this one has {trimmed.Length}")
            : trimmed;
    }

    public static Result<string?> Note(string? text)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return trimmed is { Length: > Loan.MaxNoteLength }
            ? Error.Invalid(LoanErrorCodes.NoteTooLong, $"a loan note has at most {Loan.MaxNoteLength} characters; this one has {trimmed.Length}")
            : trimmed;
    }

    /// <summary>
    /// The due day from a date (2026-12-24) or a period from <paramref name="today"/> (10d, 3w,
    /// 2m); neither is no due day, both is a mistake.
    /// </summary>
    public static Result<DateOnly?> Due(string? due, string? period, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(due) && !string.IsNullOrWhiteSpace(period))
        {
            return Error.Invalid(LoanErrorCodes.DueAndPeriod, "give a due date or a loan period, not both");
        }

        if (!string.IsNullOrWhiteSpace(due))
        {
            if (!DateOnly.TryParseExact(due.Trim(), ["yyyy-MM-dd", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Error.Invalid(LoanErrorCodes.DueInvalid, $"the due date must be a day such as 2026-12-24, not '{UserText.Shorten(due)}'");
            }

            if (date < today)
            {
                return Error.Invalid(LoanErrorCodes.DueInPast, $"the due date {date:yyyy-MM-dd} is before today ({today:yyyy-MM-dd}); give a later day");
            }

            if (date > today.AddDays(MaxDays))
            {
                return Error.Invalid(LoanErrorCodes.DueInvalid, $"the due date {date:yyyy-MM-dd} is more than {MaxDays / 365} years away; give a nearer day");
            }

            return (DateOnly?)date;
        }

        if (!string.IsNullOrWhiteSpace(period))
        {
            return Period(period.Trim(), today);
        }

        return (DateOnly?)null;
    }

    private static Result<DateOnly?> Period(string text, DateOnly today)
    {
        var invalid = Error.Invalid(
            LoanErrorCodes.PeriodInvalid,
            $"a loan period is a number of days, weeks or months such as 10d, 3w or 2m (at most {MaxDays} days), not '{UserText.Shorten(text)}'");
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0 || count > MaxDays)
        {
            return invalid;
        }

        DateOnly? due = char.ToLowerInvariant(text[^1]) switch
        {
            'd' => today.AddDays(count),
            'w' when count <= MaxDays / 7 => today.AddDays(count * 7),
            'm' when count <= MaxDays / 30 => today.AddMonths(count),
            _ => null,
        };
        return due is null ? invalid : due;
    }
}
