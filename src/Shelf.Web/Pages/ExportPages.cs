using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Pages;

/// <summary>The export page: each format the CLI's <c>export</c> writes, downloaded from the API's streamed export.</summary>
internal static class ExportPages
{
    private static readonly (string Format, string Name, string What)[] Formats =
    [
        ("csv", "Shelf CSV", "every field, shelf, id and extra; imports back into Shelf without loss"),
        ("json", "Shelf JSON", "the same, as one object per book"),
        ("goodreads", "Goodreads CSV", "Goodreads' own columns, for Goodreads and the tools that read its exports"),
    ];

    public static void MapExportPages(this IEndpointRouteBuilder app) =>
        app.MapGet("/export", Show).RequireAuthorization(Policies.Read).AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();

    private static IResult Show(HttpContext context)
    {
        var body = Forms.Builder("Export").Append("<p>The whole library, written as it is read, so even a large one starts downloading at once.</p><ul>");
        foreach (var (format, name, what) in Formats)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/api/v1/export?format={format}\" download>{Html.Encode(name)}</a>: {Html.Encode(what)}</li>");
        }

        return Html.Page(context, "Export", body.Append("</ul>").ToString());
    }
}
