using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Accounts;

/// <summary>The user an API token acts for: one indexed lookup of the secret's hash.</summary>
public sealed class AuthenticateToken(ShelfDbContext db)
{
    public async Task<Result<SignedInUser>> ExecuteAsync(string? secret, CancellationToken cancellationToken)
    {
        if (!TokenSecrets.LooksValid(secret))
        {
            return Invalid();
        }

        var hash = TokenSecrets.HashOf(secret!);
        var user = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Select(t => new SignedInUser(t.User.Id, t.User.Name, t.User.Role, t.User.SecurityStamp))
            .FirstOrDefaultAsync(cancellationToken);
        return user is null ? Invalid() : user;
    }

    private static Error Invalid() => Error.Invalid(AccountErrorCodes.TokenInvalid, "the API token is not valid (revoked, mistyped or cut short)");
}
