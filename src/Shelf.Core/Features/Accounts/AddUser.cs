using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Accounts;

public sealed record AddUserRequest(string? Name, string? Role, string? Password);

/// <summary>Adds a user who may log in to the web app with a password.</summary>
public sealed class AddUser(ShelfDbContext db, TimeProvider clock)
{
    public async Task<Result<UserView>> ExecuteAsync(AddUserRequest request, CancellationToken cancellationToken)
    {
        var name = AccountRules.ParseName(request.Name);
        if (!name.IsSuccess)
        {
            return name.Error!;
        }

        var role = AccountRules.ParseRole(request.Role);
        if (!role.IsSuccess)
        {
            return role.Error!;
        }

        if (AccountRules.CheckPassword(request.Password) is { } passwordError)
        {
            return passwordError;
        }

        var user = new User
        {
            Name = name.Value.Name,
            NameKey = name.Value.Key,
            Role = role.Value,
            SecurityStamp = SecurityStamps.New(),
            CreatedAt = Sales.SaleRules.Now(clock),
        };
        user.PasswordHash = PasswordHashing.Hash(user, request.Password!);

        if (await db.Users.AnyAsync(u => u.NameKey == user.NameKey, cancellationToken))
        {
            return Taken(user.Name);
        }

        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Another program added the same name between the check and the insert.
            db.Entry(user).State = EntityState.Detached;
            return Taken(user.Name);
        }

        return UserView.Of(user);
    }

    private static Error Taken(string name) => Error.Conflict(AccountErrorCodes.NameTaken, $"there is already a user named {name}");
}
