using System.Globalization;

namespace Shelf.Core.Common;

/// <summary>
/// Whole numbers as people type them. A run of digits too long for an <see cref="int"/> is still a
/// number, only too large (or too small), and the message should say that rather than "not a number".
/// </summary>
internal static class WholeNumber
{
    public enum Outcome
    {
        Number,
        NotANumber,
        TooLarge,
        TooSmall,
    }

    public static Outcome Parse(string text, out int value)
    {
        var trimmed = text.Trim();
        if (int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return Outcome.Number;
        }

        var digits = trimmed.StartsWith('-') || trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return Outcome.NotANumber;
        }

        return trimmed.StartsWith('-') ? Outcome.TooSmall : Outcome.TooLarge;
    }
}
