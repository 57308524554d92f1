using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Accounts;

/// <summary>The API tokens of every user, or of one.</summary>
public sealed class ListTokens(ShelfDbContext db)
{
    public async Task<Result<IReadOnlyList<TokenView>>> ExecuteAsync(string? user, CancellationToken cancellationToken)
    {
        var tokens = db.ApiTokens.AsNoTracking();
        if (user is not null)
        {
            var found = await UserLookup.FindAsync(db, user, cancellationToken);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var id = found.Value.Id;
            tokens = tokens.Where(t => t.UserId == id);
        }

        var list = await tokens.OrderBy(t => t.User.NameKey).ThenBy(t => t.Id)
            .Select(t => new TokenView(t.Id, t.User.Name, t.Label, t.Prefix, t.CreatedAt))
            .ToListAsync(cancellationToken);
        return list;
    }
}
