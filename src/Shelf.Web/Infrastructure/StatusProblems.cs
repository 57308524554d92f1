using Microsoft.AspNetCore.Http;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// The problems ASP.NET Core writes itself (no route, a body too large, a malformed body, an
/// unhandled exception) get a stable <c>code</c> as Shelf's own do, and never a stack trace.
/// </summary>
internal static class StatusProblems
{
    public static void AddCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var (code, detail) = Describe(context.HttpContext, problem.Status);
        problem.Extensions["code"] = code;
        problem.Detail ??= detail;
    }

    /// <summary>The stable code and the one-line explanation of a status ASP.NET Core set.</summary>
    public static (string Code, string Detail) Describe(HttpContext context, int? status) =>
        status switch
        {
            StatusCodes.Status400BadRequest => (WebErrorCodes.BadRequest, "the request could not be read; check the JSON body, the form fields and the query string"),
            StatusCodes.Status401Unauthorized => (WebErrorCodes.NotAuthenticated, "log in or send an API token as 'Authorization: Bearer <token>'"),
            StatusCodes.Status403Forbidden => (WebErrorCodes.Forbidden, "your role may not do this"),
            StatusCodes.Status404NotFound => (WebErrorCodes.NotFound, $"there is nothing at {context.Request.Path}; the API is under /api/v1 (see /api-reference)"),
            StatusCodes.Status405MethodNotAllowed => (WebErrorCodes.BadRequest, $"{context.Request.Method} is not allowed on {context.Request.Path}"),
            StatusCodes.Status413PayloadTooLarge => (WebErrorCodes.TooLarge, "the request body is larger than this server accepts; start 'shelf serve' with a larger --max-upload"),
            StatusCodes.Status415UnsupportedMediaType => (WebErrorCodes.BadRequest, "this endpoint does not read a body of that type: send application/json, or multipart/form-data for an import"),
            >= 500 => (WebErrorCodes.ServerError, "something went wrong on the server; nothing was changed; the server's log says more"),
            _ => ("request.failed", "the request failed"),
        };
}
