using System.Globalization;
using System.Security.Claims;
using Shelf.Core.Domain;
using Shelf.Core.Features.Accounts;

namespace Shelf.Web.Security;

/// <summary>The claims a signed-in request carries: who, their role (one of <see cref="Roles"/>), and the security stamp a cookie was issued with.</summary>
internal static class ShelfPrincipal
{
    public const string StampClaim = "shelf:stamp";

    public static ClaimsPrincipal Create(SignedInUser user, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Role, AccountRules.Display(user.Role)),
            new Claim(StampClaim, user.SecurityStamp),
        ],
        scheme));

    public static (int Id, string Stamp)? SessionOf(ClaimsPrincipal? principal) =>
        principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } id
        && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
        && principal.FindFirst(StampClaim)?.Value is { } stamp
            ? (userId, stamp)
            : null;

    /// <summary>Whether the user may change the catalog, shelves and sales (an editor or the owner): which pages show their forms.</summary>
    public static bool CanEdit(this ClaimsPrincipal principal) => principal.IsInRole(Roles.Editor) || principal.IsInRole(Roles.Owner);
}

/// <summary>The role names as claims carry them.</summary>
internal static class Roles
{
    public static readonly string Viewer = AccountRules.Display(UserRole.Viewer);
    public static readonly string Editor = AccountRules.Display(UserRole.Editor);
    public static readonly string Owner = AccountRules.Display(UserRole.Owner);
}
