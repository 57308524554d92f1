using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Accounts;

/// <summary>
/// Checks a user name and password. A wrong name and a wrong password give the same error (and
/// take as long); failures count towards a lockout (<see cref="LoginLockout"/>), a good login
/// clears them and upgrades a hash in an older format. Every change is one UPDATE, not a tracked
/// entity, so the counts stay right when several processes check logins at once.
/// </summary>
public sealed class SignIn(ShelfDbContext db, TimeProvider clock)
{
    public async Task<Result<SignedInUser>> ExecuteAsync(string? name, string? password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var parsed = AccountRules.ParseName(name);
        var user = parsed.IsSuccess
            ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NameKey == parsed.Value.Key, cancellationToken)
            : null;
        if (user?.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((lockedUntil - now).TotalMinutes));
            return Error.Conflict(AccountErrorCodes.LockedOut, $"too many failed logins for {user.Name}; try again in {minutes} minute{(minutes == 1 ? string.Empty : "s")}");
        }

        var verified = password is { Length: > 0 and <= AccountRules.MaxPasswordLength }
            ? PasswordHashing.Verify(user, password)
            : PasswordVerificationResult.Failed;
        if (user is null || verified == PasswordVerificationResult.Failed)
        {
            if (user is not null)
            {
                // One statement, so failures from several processes at once all count.
                await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.FailedLogins, u => u.FailedLogins + 1), cancellationToken);
                var failed = await db.Users.Where(u => u.Id == user.Id).Select(u => u.FailedLogins).FirstAsync(cancellationToken);
                var until = LoginLockout.Until(failed, now);
                if (until is not null)
                {
                    await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.LockedUntil, until), cancellationToken);
                }
            }

            return Error.Invalid(AccountErrorCodes.LoginFailed, "wrong user name or password");
        }

        var hash = verified == PasswordVerificationResult.SuccessRehashNeeded ? PasswordHashing.Hash(user, password!) : user.PasswordHash;
        if (hash != user.PasswordHash || user.FailedLogins != 0 || user.LockedUntil is not null)
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(
                set => set.SetProperty(u => u.FailedLogins, 0).SetProperty(u => u.LockedUntil, (DateTime?)null).SetProperty(u => u.PasswordHash, hash),
                cancellationToken);
        }

        return new SignedInUser(user.Id, user.Name, user.Role, user.SecurityStamp);
    }
}
