using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shelf.Web.Pages;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// Errors no endpoint wrote (403, 404, 405, 413, 500...): an HTML page for a person's browser on
/// the site's pages, problem details for the API and for anything that does not ask for HTML.
/// Never a stack trace.
/// </summary>
internal static class ErrorResponses
{
    public static bool WantsPage(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static Task WriteAsync(HttpContext context, int status, string code, string detail) =>
        WantsPage(context)
            ? Html.Page(context, TitleOf(status), $"<h1>{Html.Encode(TitleOf(status))}</h1><p class=\"error\">{Html.Encode(detail)}</p><p><a href=\"/\">Back to the library</a></p>", status).ExecuteAsync(context)
            : Problems.WriteAsync(context, status, code, detail);

    /// <summary>For <c>UseStatusCodePages</c>: a bodiless error response gets its page or its problem.</summary>
    public static async Task WriteStatusAsync(HttpContext context)
    {
        if (WantsPage(context))
        {
            var (code, detail) = StatusProblems.Describe(context, context.Response.StatusCode);
            await WriteAsync(context, context.Response.StatusCode, code, detail);
            return;
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = context.Response.StatusCode },
        });
    }

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status403Forbidden => "Not allowed",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status413PayloadTooLarge => "Too large",
        >= 500 => "Something went wrong",
        _ => "That did not work",
    };
}
