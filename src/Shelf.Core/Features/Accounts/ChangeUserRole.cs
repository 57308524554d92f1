using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Accounts;

/// <summary>Gives a user another role; their sessions end so the new role applies at once. The last owner stays an owner.</summary>
public sealed class ChangeUserRole(ShelfDbContext db)
{
    public async Task<Result<UserView>> ExecuteAsync(string? name, string? role, CancellationToken cancellationToken)
    {
        var parsed = AccountRules.ParseRole(role);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await UserLookup.FindAsync(db, name, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var user = found.Value;
        if (user.Role == parsed.Value)
        {
            return UserView.Of(user);
        }

        if (parsed.Value != UserRole.Owner && await UserLookup.IsLastOwnerAsync(db, user, cancellationToken))
        {
            return Error.Conflict(AccountErrorCodes.LastOwner, $"{user.Name} is the only owner; make another user an owner first");
        }

        user.Role = parsed.Value;
        user.SecurityStamp = SecurityStamps.New();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UserView.Of(user);
    }
}
