using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Shelf.Core.Features.Accounts;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Pages;

/// <summary><c>/login</c> (a form posting <c>username</c> and <c>password</c>) and <c>/logout</c>.</summary>
internal static class LoginPages
{
    public const string RateLimit = "login";

    public static void MapLoginPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/login", LogInAsync).AllowAnonymous().RequireRateLimiting(RateLimit).AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/logout", LogOutAsync).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
    }

    private static IResult Show(HttpContext context, string? returnUrl) =>
        context.User.Identity?.IsAuthenticated == true ? Results.LocalRedirect(Local(returnUrl)) : Form(context, returnUrl, null, StatusCodes.Status200OK);

    private static async Task<IResult> LogInAsync(HttpContext context, [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl, SignIn signIn)
    {
        var user = await signIn.ExecuteAsync(username, password, context.RequestAborted);
        if (!user.IsSuccess)
        {
            return Form(context, returnUrl, user.Error!.Message, Problems.StatusOf(user.Error), username);
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ShelfPrincipal.Create(user.Value, CookieAuthenticationDefaults.AuthenticationScheme));
        return Results.LocalRedirect(Local(returnUrl));
    }

    private static async Task<IResult> LogOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/login");
    }

    // Only a path on this site: a login link must not send people elsewhere afterwards.
    private static string Local(string? returnUrl) =>
        returnUrl is { Length: > 1 } && returnUrl[0] == '/' && returnUrl[1] is not ('/' or '\\') ? returnUrl : "/";

    private static IResult Form(HttpContext context, string? returnUrl, string? error, int status, string? username = null) =>
        Html.Page(context, "Log in", $"""
            <form class="login" method="post" action="/login">
              <h1>Log in to Shelf</h1>
              {(error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{Html.Encode(error)}</p>")}
              <label>User name <input name="username" autocomplete="username" required autofocus value="{Html.Encode(username)}"></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
              <input type="hidden" name="returnUrl" value="{Html.Encode(Local(returnUrl))}">
              {Html.Antiforgery(context)}
              <button type="submit">Log in</button>
            </form>
            """, status);
}
