using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Shelf.Web.Pages;

/// <summary>
/// Server-rendered pages, written by hand: every value a user or a file gave goes through
/// <see cref="Encode"/>, every form carries the antiforgery token, and the layout links only the
/// site's own stylesheet, so the Content-Security-Policy needs no exception.
/// </summary>
internal static class Html
{
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    /// <summary>The hidden field that proves a form was served by this site.</summary>
    public static string Antiforgery(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken)}\">";
    }

    public static IResult Page(HttpContext context, string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append(" · Shelf</title>")
            .Append("<link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body>")
            .Append(Header(context))
            .Append("<main>").Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string Header(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return "<header><a class=\"home\" href=\"/\">Shelf</a></header>";
        }

        var owner = context.User.IsInRole(Security.Roles.Owner) ? "<a href=\"/users\">Users</a>" : string.Empty;
        return "<header><a class=\"home\" href=\"/\">Shelf</a><nav><a href=\"/\">Library</a><a href=\"/shelves\">Shelves</a><a href=\"/books/new\">Add a book</a><a href=\"/import\">Import</a><a href=\"/sales\">Sales</a><a href=\"/export\">Export</a><a href=\"/api-reference\">API</a>" + owner + "</nav>"
            + $"<span class=\"muted\">{Encode(context.User.Identity.Name)}</span>"
            + $"<form method=\"post\" action=\"/logout\">{Antiforgery(context)}<button class=\"link\" type=\"submit\">Log out</button></form></header>";
    }
}
