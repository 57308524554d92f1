using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Accounts;

/// <summary>Finds a user by name (any case), tracked, for the use cases that change one.</summary>
internal static class UserLookup
{
    public static async Task<Result<User>> FindAsync(ShelfDbContext db, string? name, CancellationToken cancellationToken)
    {
        var parsed = AccountRules.ParseName(name);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.NameKey == parsed.Value.Key, cancellationToken);
        return user is null
            ? Error.NotFound(AccountErrorCodes.NotFound, $"there is no user named {parsed.Value.Name}")
            : user;
    }

    /// <summary>
    /// Whether <paramref name="user"/> is the only owner, read inside the caller's transaction. On
    /// PostgreSQL the owners' rows are locked first, so two programs demoting the last two owners
    /// at once cannot both see another owner left; SQLite's write lock already keeps them apart.
    /// </summary>
    public static async Task<bool> IsLastOwnerAsync(ShelfDbContext db, User user, CancellationToken cancellationToken)
    {
        if (user.Role != UserRole.Owner)
        {
            return false;
        }

        if (db.Provider != DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT id FROM users WHERE role = 'owner' FOR UPDATE", cancellationToken);
        }

        return !await db.Users.AnyAsync(u => u.Role == UserRole.Owner && u.Id != user.Id, cancellationToken);
    }
}
