using Microsoft.AspNetCore.Http;
using Shelf.Web.Infrastructure;

namespace Shelf.Web.Security;

/// <summary>The 403 problem: says which role the request has and that a higher one is needed.</summary>
internal static class Forbidden
{
    public static Task WriteAsync(HttpContext context)
    {
        var role = context.User.IsInRole(Roles.Editor) ? Roles.Editor : context.User.IsInRole(Roles.Viewer) ? Roles.Viewer : "no role";
        var needed = role == Roles.Editor ? "an owner" : "an editor or an owner";
        return Problems.WriteAsync(context, StatusCodes.Status403Forbidden, WebErrorCodes.Forbidden, $"your role ({role}) may not do this; ask {needed}");
    }
}
