using Shelf.Core.Domain;

namespace Shelf.Core.Features.Accounts;

/// <summary>A user as hosts show them; never the password hash.</summary>
public sealed record UserView(int Id, string Name, string Role, DateTime CreatedAt, DateTime? LockedUntil)
{
    internal static UserView Of(User user) => new(user.Id, user.Name, AccountRules.Display(user.Role), user.CreatedAt, user.LockedUntil);
}

/// <summary>An API token as the list shows it: whose it is, what for, and how it starts; never the secret.</summary>
public sealed record TokenView(int Id, string User, string? Label, string Prefix, DateTime CreatedAt);

/// <summary>A token just created: the only time its <paramref name="Secret"/> is known.</summary>
public sealed record CreatedToken(TokenView Token, string Secret);

/// <summary>Who a request acts as, once its password, cookie or token has been checked.</summary>
public sealed record SignedInUser(int Id, string Name, UserRole Role, string SecurityStamp);
