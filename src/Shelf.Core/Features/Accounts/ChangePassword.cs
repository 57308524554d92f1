using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Accounts;

/// <summary>
/// Sets a user's password. Their sessions end (a new security stamp) and a lockout is lifted;
/// their API tokens keep working, since a script's secret is not the password.
/// </summary>
public sealed class ChangePassword(ShelfDbContext db)
{
    public async Task<Result<UserView>> ExecuteAsync(string? name, string? password, CancellationToken cancellationToken)
    {
        if (AccountRules.CheckPassword(password) is { } passwordError)
        {
            return passwordError;
        }

        var found = await UserLookup.FindAsync(db, name, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var user = found.Value;
        user.PasswordHash = PasswordHashing.Hash(user, password!);
        user.SecurityStamp = SecurityStamps.New();
        user.FailedLogins = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        return UserView.Of(user);
    }
}
