using Microsoft.AspNetCore.Http;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows only the site's own scripts,
/// styles and images (no inline script, no framing), no MIME sniffing, no referrer to other sites.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page only: Scalar sets its styles from script, which a strict style-src
    /// refuses. Scripts stay as strict as everywhere else.
    /// </summary>
    public const string ApiReferencePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.Equals("/api-reference", StringComparison.OrdinalIgnoreCase) ? ApiReferencePolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
