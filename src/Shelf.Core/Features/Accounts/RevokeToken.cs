using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Accounts;

/// <summary>Deletes an API token: the next request that sends it is refused.</summary>
public sealed class RevokeToken(ShelfDbContext db)
{
    public async Task<Result<TokenView>> ExecuteAsync(int id, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return Error.NotFound(AccountErrorCodes.TokenNotFound, $"there is no token {id}");
        }

        db.ApiTokens.Remove(token);
        await db.SaveChangesAsync(cancellationToken);
        return new TokenView(token.Id, token.User.Name, token.Label, token.Prefix, token.CreatedAt);
    }
}
