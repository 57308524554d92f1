using Microsoft.AspNetCore.Authorization;

namespace Shelf.Web.Security;

/// <summary>
/// What each endpoint requires. Every endpoint names one of these, or is on the short public
/// list (<c>AllowAnonymous</c>); anything else falls back to "signed in" (<see cref="Configure"/>).
/// </summary>
internal static class Policies
{
    /// <summary>Any signed-in user, whatever their role (logging out).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Read the catalog, shelves and sales: any role, or anyone when the site is public.</summary>
    public const string Read = "read";

    /// <summary>Change the catalog, shelves and sales: editors and owners.</summary>
    public const string Edit = "edit";

    /// <summary>Manage users and tokens: owners.</summary>
    public const string Manage = "manage";

    public static void Configure(AuthorizationOptions options, ShelfWebOptions web)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(Read, policy => policy.RequireAssertion(context =>
            web.Public || context.User.IsInRole(Roles.Viewer) || context.User.IsInRole(Roles.Editor) || context.User.IsInRole(Roles.Owner)));
        options.AddPolicy(Edit, policy => policy.RequireRole(Roles.Editor, Roles.Owner));
        options.AddPolicy(Manage, policy => policy.RequireRole(Roles.Owner));
    }
}
