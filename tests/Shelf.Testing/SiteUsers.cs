using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Accounts;

namespace Shelf.Testing;

/// <summary>The users a web test logs in as: an owner, an editor and a viewer, named after their roles, with one password and an API token each.</summary>
public static class SiteUsers
{
    public const string Password = "correct horse";

    public static readonly string[] Roles = ["owner", "editor", "viewer"];

    /// <summary>Adds the three users to the library at <paramref name="target"/>; their tokens by role.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> AddAsync(DatabaseTarget target)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var db = await DatabaseFixture.OpenAsync(target);
        foreach (var role in Roles)
        {
            await Require(new AddUser(db, TimeProvider.System).ExecuteAsync(new AddUserRequest(role, role, Password), default));
            tokens[role] = (await Require(new CreateToken(db, TimeProvider.System).ExecuteAsync(role, "tests", default))).Secret;
        }

        return tokens;
    }

    private static async Task<T> Require<T>(Task<Result<T>> result)
    {
        var done = await result;
        return done.IsSuccess ? done.Value : throw new InvalidOperationException(done.Error!.Message);
    }
}
