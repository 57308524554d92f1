using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shelf.Web.Infrastructure;

namespace Shelf.Web.Security;

/// <summary>
/// Antiforgery for form posts made with the session cookie (a page's upload), but not for a
/// script's bearer token: another site can make a browser send the cookie, never the token.
/// The endpoints that take forms turn off ASP.NET's own check, which cannot tell the two apart.
/// </summary>
internal sealed class CookieAntiforgeryFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, WebErrorCodes.AntiforgeryInvalid, "the form is missing its antiforgery token or it has expired; reload the page and send it again");
        }

        return await next(context);
    }
}
