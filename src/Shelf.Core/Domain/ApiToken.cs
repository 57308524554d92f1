namespace Shelf.Core.Domain;

/// <summary>
/// A secret a script sends as <c>Authorization: Bearer ...</c> to act as its user. Only a hash of
/// the secret is stored: the secret is shown once, when it is created.
/// </summary>
public class ApiToken
{
    public const int MaxLabelLength = 200;

    public int Id { get; set; }

    public int UserId { get; set; }

    public User User { get; set; } = null!;

    /// <summary>What the token is for ("backup script"), for the list.</summary>
    public string? Label { get; set; }

    /// <summary>The secret's first characters, so a person can tell their tokens apart in the list.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>SHA-256 of the secret, in lower-case hex; unique.</summary>
    public string Hash { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }
}
