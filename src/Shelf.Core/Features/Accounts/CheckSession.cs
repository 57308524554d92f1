using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Accounts;

/// <summary>
/// The user a session cookie was issued to, as they are now, or nothing when the cookie no longer
/// holds: the user was removed, or their password or role changed since (the stamp differs).
/// </summary>
public sealed class CheckSession(ShelfDbContext db)
{
    public Task<SignedInUser?> ExecuteAsync(int userId, string securityStamp, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.SecurityStamp == securityStamp)
            .Select(u => new SignedInUser(u.Id, u.Name, u.Role, u.SecurityStamp))
            .FirstOrDefaultAsync(cancellationToken)!;
}
