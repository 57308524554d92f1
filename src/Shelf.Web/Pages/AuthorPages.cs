using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Core.Features.Authors;
using Shelf.Core.Features.Shelves;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Pages;

/// <summary>An author's page (their books, rename, merge into another) and the shelves page.</summary>
internal static class AuthorPages
{
    public static void MapAuthorPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/authors/{author}", ShowAsync).RequireAuthorization(Policies.Read).AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/authors/{author}/rename", RenameAsync).RequireAuthorization(Policies.Edit).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/authors/{author}/merge", MergeAsync).RequireAuthorization(Policies.Edit).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapGet("/shelves", ShelvesAsync).RequireAuthorization(Policies.Read).AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
    }

    private static Task<IResult> ShowAsync(HttpContext context, string author, GetAuthor get, CancellationToken cancellationToken) =>
        PageAsync(context, author, get, null, StatusCodes.Status200OK, cancellationToken);

    private static async Task<IResult> RenameAsync(HttpContext context, string author, RenameAuthor rename, GetAuthor get, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var renamed = await rename.ExecuteAsync(author, Forms.Value(form, "name"), cancellationToken);
        return renamed.IsSuccess
            ? Results.Redirect($"/authors/{renamed.Value.Id}")
            : await PageAsync(context, author, get, renamed.Error!.Message, Problems.StatusOf(renamed.Error), cancellationToken);
    }

    private static async Task<IResult> MergeAsync(HttpContext context, string author, MergeAuthors merge, GetAuthor get, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var merged = await merge.ExecuteAsync(author, Forms.Value(form, "into") ?? string.Empty, cancellationToken);
        return merged.IsSuccess
            ? Results.Redirect($"/authors/{merged.Value.Into.Id}")
            : await PageAsync(context, author, get, merged.Error!.Message, Problems.StatusOf(merged.Error), cancellationToken);
    }

    private static async Task<IResult> PageAsync(HttpContext context, string reference, GetAuthor get, string? error, int status, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(reference, cancellationToken);
        if (!found.IsSuccess)
        {
            return LibraryPages.NotFound(context, found.Error!);
        }

        var author = found.Value;
        var body = Forms.Builder(author.Name).Append(Forms.Error(error))
            .Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Filed as {Html.Encode(author.SortName)}; {author.BookCount} books</p><ul>");
        foreach (var book in author.Books)
        {
            var role = book.Role == Shelf.Core.Domain.AuthorRole.Author ? string.Empty : $" ({book.Role.ToString().ToLowerInvariant()})";
            body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/books/{book.Id}\">{Html.Encode(book.Title)}</a>{(book.Year is { } year ? $" ({year})" : string.Empty)}{role}</li>");
        }

        body.Append("</ul>");
        if (context.User.CanEdit())
        {
            body.Append("<h2>Rename</h2>").Append(Forms.Open(context, $"/authors/{author.Id}/rename"))
                .Append(Forms.Field("name", "Name as it should be written", author.Name, required: true))
                .Append("<button type=\"submit\">Rename</button></form>")
                .Append("<h2>Merge into another author</h2>").Append(Forms.Open(context, $"/authors/{author.Id}/merge"))
                .Append(Forms.Field("into", "The other author (id or name)", null, required: true, hint: "their credits and this author's become one person"))
                .Append("<button type=\"submit\">Merge</button></form>");
        }

        return Html.Page(context, author.Name, body.ToString(), status);
    }

    private static async Task<IResult> ShelvesAsync(HttpContext context, ListShelves list, CancellationToken cancellationToken)
    {
        var shelves = await list.ExecuteAsync(new ListShelvesRequest { Limit = 500 }, cancellationToken);
        var body = Forms.Builder("Shelves");
        if (!shelves.IsSuccess || shelves.Value.Shelves.Count == 0)
        {
            body.Append("<p>No shelves yet; put a book on one from its edit page.</p>");
        }
        else
        {
            body.Append("<ul>");
            foreach (var shelf in shelves.Value.Shelves)
            {
                var query = Uri.EscapeDataString($"shelf:\"{shelf.Name}\"");
                body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/?q={query}\">{Html.Encode(shelf.Name)}</a> <span class=\"muted\">{shelf.BookCount}</span></li>");
            }

            body.Append("</ul>");
        }

        return Html.Page(context, "Shelves", body.ToString());
    }
}
