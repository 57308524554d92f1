using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Shelf.Core.Features.Accounts;

/// <summary>
/// API token secrets: <c>shelf_</c> and 43 URL-safe characters (256 random bits). The prefix makes
/// a leaked token easy to recognise (secret scanners, logs); the stored hash is a plain SHA-256,
/// which is enough for a random secret of that length and cheap to check on every request.
/// </summary>
internal static class TokenSecrets
{
    public const string Start = "shelf_";

    private static readonly SearchValues<char> UrlSafe = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>How much of a secret the list shows.</summary>
    public const int ShownLength = 12;

    public static string New() => Start + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether <paramref name="text"/> could be a secret at all, checked before any lookup.</summary>
    public static bool LooksValid(string? text) =>
        text is { Length: 49 } && text.StartsWith(Start, StringComparison.Ordinal)
        && !text.AsSpan(Start.Length).ContainsAnyExcept(UrlSafe);
}
