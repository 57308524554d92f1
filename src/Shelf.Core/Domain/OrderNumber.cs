using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Shelf.Core.Domain;

/// <summary>
/// Order numbers: the unique name of a ledger row. A user may give their own (a shop's till
/// number); otherwise Shelf makes one such as <c>S0F4K2QZ-7XG2MB9C</c> (a sale) or
/// <c>R0F4K2R1-3M8D0QTE</c> (a refund).
/// </summary>
/// <remarks>
/// A made number never comes from the database ("max + 1" read-then-write breaks as soon as two
/// programs record at once). It is 7 characters of the time in seconds, then 40 bits of
/// randomness, in Crockford base32 (no I, L, O, U): two processes collide only if they draw the
/// same 40 bits in the same second, and the UNIQUE index turns even that into a refused write,
/// never a duplicate. Within one process, numbers made in the same second count up from a
/// random start, so a bulk import of any size never collides with itself; numbers sort by time.
/// </remarks>
public static class OrderNumber
{
    public const int MaxLength = 40;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int TimeChars = 7;
    private const int RandomChars = 8;
    private const long RandomLimit = 1L << (5 * RandomChars);

    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Lock Gate = new();
    private static long _lastSecond = -1;
    private static long _lastRandom;

    /// <summary>A new number for a sale.</summary>
    public static string NewSale() => New('S');

    /// <summary>A new number for a refund.</summary>
    public static string NewRefund() => New('R');

    /// <summary>Checks a number the user gave: 1 to 40 characters, no spaces or control characters.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? orderNumber, [NotNullWhen(false)] out string? error)
    {
        orderNumber = null;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            error = "the order number is empty; give one, or leave it out and Shelf makes one";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            error = $"the order number has {trimmed.Length} characters; at most {MaxLength} are allowed";
            return false;
        }

        if (trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            error = $"the order number '{trimmed}' contains a space; use letters, digits and signs such as - or /";
            return false;
        }

        orderNumber = trimmed;
        error = null;
        return true;
    }

    internal static string New(char prefix)
    {
        long second, random;
        lock (Gate)
        {
            second = (long)(DateTime.UtcNow - Epoch).TotalSeconds;
            if (second <= _lastSecond)
            {
                // Same second (or the clock stepped back): count up from the last number.
                second = _lastSecond;
                random = _lastRandom + 1;
                if (random >= RandomLimit)
                {
                    second++;
                    random = FreshRandom();
                }
            }
            else
            {
                random = FreshRandom();
            }

            _lastSecond = second;
            _lastRandom = random;
        }

        Span<char> text = stackalloc char[1 + TimeChars + 1 + RandomChars];
        text[0] = prefix;
        Encode(second, text.Slice(1, TimeChars));
        text[1 + TimeChars] = '-';
        Encode(random, text[(2 + TimeChars)..]);
        return new string(text);
    }

    // Below half the range, so counting up within a second has 2^39 numbers of room.
    private static long FreshRandom() => RandomNumberGenerator.GetInt32(1 << 19) * (1L << 20) + RandomNumberGenerator.GetInt32(1 << 20);

    private static void Encode(long value, Span<char> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
    }
}
