using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Sales;
using Shelf.Core.Features.Search;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Pages;

/// <summary>The library at <c>/</c> (a search box taking the search language, sort, paging) and a book's page.</summary>
internal static class LibraryPages
{
    private const int PageSize = 50;

    public static void MapLibraryPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", LibraryAsync).RequireAuthorization(Policies.Read).AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapGet("/books/{book}", BookAsync).RequireAuthorization(Policies.Read).AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
    }

    /// <summary>The orders the page offers; "" is the default (best match for a search, else title).</summary>
    private static readonly (string Value, string Label)[] Orders =
        [("", "Best match / title"), ("title", "Title"), ("author", "Author"), ("year", "Year"), ("pages", "Pages"), ("added", "Date added")];

    private static async Task<IResult> LibraryAsync(HttpContext context, ListBooks list, SearchBooks search, string? q, string? sort, string? desc, string? offset, CancellationToken cancellationToken)
    {
        var paging = Paging.Read(PageSize.ToString(CultureInfo.InvariantCulture), offset);
        var skip = paging.IsSuccess ? paging.Value.Offset : 0;
        var order = Choices.Read<BookSort>(sort, "sort");
        var descending = desc is "true" or "on" or "1";
        IReadOnlyList<BookSummary> books = [];
        string? error = paging.Error?.Message ?? order.Error?.Message;
        int? total = null;
        // A hand-edited address with a bad sort or offset gets the page saying so, not a guess.
        if (error is null && !string.IsNullOrWhiteSpace(q))
        {
            var found = await search.ExecuteAsync(new SearchBooksRequest(q) { Limit = PageSize + 1, Offset = skip, Sort = order.Value, Descending = descending }, cancellationToken);
            books = found.Value ?? [];
            error = found.Error?.Message;
        }
        else if (error is null)
        {
            var listed = await list.ExecuteAsync(
                new ListBooksRequest { Sort = order.Value ?? BookSort.Title, Descending = descending, Limit = PageSize + 1, Offset = skip, CountTotal = true },
                cancellationToken);
            books = listed.Value?.Books ?? [];
            total = listed.Value?.Total;
            error = listed.Error?.Message;
        }

        var chosen = order.IsSuccess && order.Value is { } o ? o.ToString().ToLowerInvariant() : string.Empty;
        string PageLink(int at) =>
            $"/?q={Uri.EscapeDataString(q ?? string.Empty)}&amp;sort={chosen}{(descending ? "&amp;desc=true" : string.Empty)}&amp;offset={at}";

        var body = new StringBuilder()
            .Append("<h1>Library</h1>")
            .Append("<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">")
            .Append("<label class=\"hide-small\" for=\"q\">Search</label>")
            .Append(CultureInfo.InvariantCulture, $"<input id=\"q\" type=\"search\" name=\"q\" value=\"{Html.Encode(q)}\" placeholder=\"title, author, isbn:…, author:…, year:2001..2010\">")
            .Append("<label for=\"sort\">Sort</label><select id=\"sort\" name=\"sort\">")
            .AppendJoin(string.Empty, Orders.Select(o => $"<option value=\"{o.Value}\"{(o.Value == chosen ? " selected" : string.Empty)}>{o.Label}</option>"))
            .Append("</select>")
            .Append(CultureInfo.InvariantCulture, $"<label class=\"check\"><input type=\"checkbox\" name=\"desc\" value=\"true\"{(descending ? " checked" : string.Empty)}> Reverse</label>")
            .Append("<button type=\"submit\">Search</button></form>");
        if (error is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\">{Html.Encode(error)}</p>");
        }

        body.Append(total is { } count ? $"<p class=\"muted\">{count} books</p>" : string.Empty);
        if (books.Count == 0 && error is null)
        {
            body.Append("<p>No books match.</p>");
        }
        else if (books.Count > 0)
        {
            body.Append("<table><thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Authors</th><th scope=\"col\" class=\"hide-small\">Year</th><th scope=\"col\" class=\"hide-small\">Pages</th></tr></thead><tbody>");
            foreach (var book in books.Take(PageSize))
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/books/{book.Id}\">{Html.Encode(book.Title)}</a></td><td>{Html.Encode(string.Join(", ", book.Authors))}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td class=\"hide-small\">{book.Year}</td><td class=\"hide-small\">{book.Pages}</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("<nav class=\"pager\" aria-label=\"Pages\">");
        if (skip > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<a href=\"{PageLink(Math.Max(0, skip - PageSize))}\">Previous</a>");
        }

        if (books.Count > PageSize)
        {
            body.Append(CultureInfo.InvariantCulture, $"<a href=\"{PageLink(skip + PageSize)}\">Next</a>");
        }

        body.Append("</nav>");
        return Html.Page(context, string.IsNullOrWhiteSpace(q) ? "Library" : $"Search: {q}", body.ToString(), error is null ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> BookAsync(HttpContext context, string book, GetBook get, ListSales sales, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(book, cancellationToken);
        if (!found.IsSuccess)
        {
            return NotFound(context, found.Error!);
        }

        var details = found.Value;
        var body = new StringBuilder($"<h1>{Html.Encode(details.Title)}</h1>");
        if (details.Subtitle is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{Html.Encode(details.Subtitle)}</p>");
        }

        body.Append("<dl class=\"fields\">");
        foreach (var line in details.Lines)
        {
            body.Append(CultureInfo.InvariantCulture, $"<dt>{Html.Encode(line.Label)}</dt><dd>{Html.Encode(line.Value)}</dd>");
        }

        body.Append("</dl><h2>People</h2><ul>");
        foreach (var credit in details.Credits)
        {
            var role = credit.Role == Shelf.Core.Domain.AuthorRole.Author ? string.Empty : $" ({credit.Role.ToString().ToLowerInvariant()})";
            body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/authors/{credit.AuthorId}\">{Html.Encode(credit.Name)}</a>{role}</li>");
        }

        body.Append("</ul>");
        var sold = await sales.ExecuteAsync(new ListSalesRequest { Book = details.Id.ToString(CultureInfo.InvariantCulture), Limit = 20, NewestFirst = true }, cancellationToken);
        body.Append("<h2>Sales</h2>").Append(SalePages.Table(context, sold.Value?.Sales ?? [], context.User.CanEdit(), "No sales of this book."));
        if (context.User.CanEdit())
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"actions\"><a href=\"/books/{details.Id}/edit\">Edit</a> <a href=\"/sales?book={details.Id}\">Record a sale</a></p>")
                .Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/books/{details.Id}/remove\">{Html.Antiforgery(context)}<button class=\"danger\" type=\"submit\">Remove this book</button></form>");
        }

        body.Append("<p><a href=\"/\">Back to the library</a></p>");
        return Html.Page(context, details.Title, body.ToString());
    }

    /// <summary>The page for an error that names something missing (or any error, with its status).</summary>
    public static IResult NotFound(HttpContext context, Shelf.Core.Common.Error error) =>
        Html.Page(context, "Not found", $"<h1>Not found</h1><p class=\"error\">{Html.Encode(error.Message)}</p><p><a href=\"/\">Back to the library</a></p>", Problems.StatusOf(error));
}
