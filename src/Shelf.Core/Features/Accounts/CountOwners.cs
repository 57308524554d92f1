using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Accounts;

/// <summary>How many owners the library has: a web host with none serves nothing but its health check.</summary>
public sealed class CountOwners(ShelfDbContext db)
{
    public Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
        db.Users.CountAsync(u => u.Role == UserRole.Owner, cancellationToken);
}
