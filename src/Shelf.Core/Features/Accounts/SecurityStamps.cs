using System.Security.Cryptography;

namespace Shelf.Core.Features.Accounts;

/// <summary>Fresh random values for a user's <see cref="Domain.User.SecurityStamp"/>.</summary>
internal static class SecurityStamps
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
