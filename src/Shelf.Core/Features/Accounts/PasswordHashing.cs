using Microsoft.AspNetCore.Identity;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Accounts;

/// <summary>
/// ASP.NET Core Identity's password hasher (PBKDF2-HMAC-SHA512, a random salt, the format and
/// iteration count recorded in the hash), so a hash written by the CLI is read by the web app and
/// an older format is upgraded on the next good login.
/// </summary>
internal static class PasswordHashing
{
    private static readonly PasswordHasher<User> Hasher = new();

    private static readonly User Decoy = new() { PasswordHash = Hasher.HashPassword(new User(), Guid.NewGuid().ToString()) };

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    public static PasswordVerificationResult Verify(User? user, string password)
    {
        if (user is null)
        {
            // Costs what a real check costs: the time a login takes must not tell a wrong name from a wrong password.
            Hasher.VerifyHashedPassword(Decoy, Decoy.PasswordHash, password);
            return PasswordVerificationResult.Failed;
        }

        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
    }
}
