using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shelf.Core.Features.Accounts;
using Shelf.Web.Infrastructure;

namespace Shelf.Web.Security;

/// <summary>
/// The session cookie of the pages: HttpOnly, SameSite=Lax, Secure when the request came over
/// https, encrypted with the keys every web process shares. Each request checks the user still
/// exists with the same security stamp, so a removed user, a new password or a new role takes
/// effect at once. API paths get 401/403 problems instead of a redirect to the login page.
/// </summary>
internal static class SessionCookie
{
    public const string Name = "shelf_session";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = Name;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/login";
        options.LogoutPath = "/logout";
        options.ExpireTimeSpan = TimeSpan.FromDays(14);
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = ValidateAsync;
        options.Events.OnRedirectToLogin = context => IsApi(context.Request) ? NotAuthenticatedAsync(context.HttpContext) : Redirect(context);
        options.Events.OnRedirectToAccessDenied = context => Forbidden.WriteAsync(context.HttpContext);
    }

    private static Task NotAuthenticatedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, WebErrorCodes.NotAuthenticated, "log in or send an API token as 'Authorization: Bearer <token>'");
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (ShelfPrincipal.SessionOf(context.Principal) is not { } session)
        {
            await RejectAsync(context);
            return;
        }

        if (await services.GetRequiredService<LibraryRequest>().ReadyAsync(context.HttpContext.RequestAborted) is not null)
        {
            // The database is unreachable: the endpoint answers 503; the session itself is not in doubt.
            return;
        }

        var user = await services.GetRequiredService<CheckSession>().ExecuteAsync(session.Id, session.Stamp, context.HttpContext.RequestAborted);
        if (user is null)
        {
            await RejectAsync(context);
            return;
        }

        // Carry the user as they are now (a renamed user keeps their session).
        context.ReplacePrincipal(ShelfPrincipal.Create(user, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
