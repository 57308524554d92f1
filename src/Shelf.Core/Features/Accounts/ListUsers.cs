using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Accounts;

/// <summary>Every user, by name. A library has a handful, so there is no paging.</summary>
public sealed class ListUsers(ShelfDbContext db)
{
    public async Task<IReadOnlyList<UserView>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.NameKey).ToListAsync(cancellationToken);
        return users.Select(UserView.Of).ToList();
    }
}
