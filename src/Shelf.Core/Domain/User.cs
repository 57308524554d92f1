namespace Shelf.Core.Domain;

/// <summary>A person who may use the library through the web app or its API.</summary>
public class User
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    /// <summary>The name they log in with, as they wrote it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary><see cref="Name"/> in lower case, unique: "Ann" and "ann" are one user.</summary>
    public string NameKey { get; set; } = string.Empty;

    public UserRole Role { get; set; }

    /// <summary>ASP.NET Core Identity's password hash (PBKDF2 with a salt; the format records its own version).</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>
    /// Changes whenever the password or the role changes or the user is signed out everywhere:
    /// a session cookie carries the stamp it was issued with and stops working when it differs.
    /// </summary>
    public string SecurityStamp { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    /// <summary>Failed logins since the last good one; at <see cref="Features.Accounts.LoginLockout.Threshold"/> the account is locked for a while.</summary>
    public int FailedLogins { get; set; }

    public DateTime? LockedUntil { get; set; }

    public List<ApiToken> Tokens { get; set; } = [];
}
