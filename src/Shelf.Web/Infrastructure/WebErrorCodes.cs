namespace Shelf.Web.Infrastructure;

/// <summary>The stable codes of errors only the web host gives.</summary>
public static class WebErrorCodes
{
    public const string NotAuthenticated = "auth.required";
    public const string Forbidden = "auth.forbidden";
    public const string NoOwner = "site.no_owner";
    public const string TooManyRequests = "site.rate_limited";
    public const string TooLarge = "request.too_large";
    public const string BadRequest = "request.invalid";
    public const string NotFound = "request.not_found";
    public const string AntiforgeryInvalid = "request.antiforgery";
    public const string ServerError = "server.error";

    /// <summary>The server is shutting down: a synchronous import in progress was rolled back.</summary>
    public const string Stopping = "site.stopping";
}
