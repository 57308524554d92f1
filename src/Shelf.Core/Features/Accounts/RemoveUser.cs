using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Accounts;

/// <summary>Removes a user and their API tokens. The last owner stays: without one, nobody could manage the site.</summary>
public sealed class RemoveUser(ShelfDbContext db)
{
    public async Task<Result<UserView>> ExecuteAsync(string? name, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await UserLookup.FindAsync(db, name, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var user = found.Value;
        if (await UserLookup.IsLastOwnerAsync(db, user, cancellationToken))
        {
            return Error.Conflict(AccountErrorCodes.LastOwner, $"{user.Name} is the only owner; make another user an owner first");
        }

        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UserView.Of(user);
    }
}
