using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Search;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Endpoints;

/// <summary><c>/api/v1/books</c>: list and search, get, add, edit, remove; the CLI's use cases, rules and error codes.</summary>
internal static class BookEndpoints
{
    public static void MapBookEndpoints(this RouteGroupBuilder api)
    {
        var books = api.MapGroup("/books").WithTags("Books");
        books.MapGet("/", ListAsync).RequireAuthorization(Policies.Read)
            .WithSummary("List books, or search them with q (the search language of 'shelf search')")
            .Produces<Page<BookSummary>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        books.MapGet("/{book}", GetAsync).RequireAuthorization(Policies.Read)
            .WithSummary("One book, by id or ISBN").Produces<BookDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        books.MapPost("/", AddAsync).RequireAuthorization(Policies.Edit)
            .WithSummary("Add a book").Accepts<JsonElement>("application/json").Produces<BookDetails>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        books.MapPatch("/{book}", EditAsync).RequireAuthorization(Policies.Edit)
            .WithSummary("Change some of a book's fields; null clears one").Accepts<JsonElement>("application/json").Produces<BookDetails>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        books.MapDelete("/{book}", RemoveAsync).RequireAuthorization(Policies.Edit)
            .WithSummary("Remove a book").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request, ListBooks list, SearchBooks search, string? q, string? sort, bool? desc, string? author, string? shelf, string? status, string? limit, string? offset, CancellationToken cancellationToken)
    {
        var paging = Paging.Read(limit, offset);
        var order = Choices.Read<BookSort>(sort, "sort");
        if (!paging.IsSuccess || !order.IsSuccess)
        {
            return Problems.Of(paging.Error ?? order.Error!);
        }

        var page = paging.Value;
        if (!string.IsNullOrWhiteSpace(q))
        {
            var found = await search.ExecuteAsync(new SearchBooksRequest(q) { Limit = page.Limit + 1, Offset = page.Offset, Sort = order.Value, Descending = desc ?? false }, cancellationToken);
            return found.IsSuccess ? Results.Ok(page.PageOf(found.Value, null, request)) : Problems.Of(found.Error!);
        }

        var listed = await list.ExecuteAsync(
            new ListBooksRequest
            {
                Sort = order.Value ?? BookSort.Title,
                Descending = desc ?? false,
                Author = author,
                Shelf = shelf,
                Status = status,
                Limit = page.Limit + 1,
                Offset = page.Offset,
                CountTotal = true,
            },
            cancellationToken);
        return listed.IsSuccess ? Results.Ok(page.PageOf(listed.Value.Books, listed.Value.Total, request)) : Problems.Of(listed.Error!);
    }

    private static async Task<IResult> GetAsync(string book, GetBook get, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(book, cancellationToken);
        return found.IsSuccess ? Results.Ok(found.Value) : Problems.Of(found.Error!);
    }

    private static async Task<IResult> AddAsync(JsonElement body, AddBook add, CancellationToken cancellationToken)
    {
        var request = BookBody.ForAdd(body, Currency.Fallback);
        if (!request.IsSuccess)
        {
            return Problems.Of(request.Error!);
        }

        var added = await add.ExecuteAsync(request.Value, cancellationToken);
        return added.IsSuccess ? Results.Created($"/api/v1/books/{added.Value.Id}", added.Value) : Problems.Of(added.Error!);
    }

    private static async Task<IResult> EditAsync(string book, JsonElement body, EditBook edit, CancellationToken cancellationToken)
    {
        var request = BookBody.ForEdit(body, book, Currency.Fallback);
        if (!request.IsSuccess)
        {
            return Problems.Of(request.Error!);
        }

        var edited = await edit.ExecuteAsync(request.Value, cancellationToken);
        return edited.IsSuccess ? Results.Ok(edited.Value) : Problems.Of(edited.Error!);
    }

    private static async Task<IResult> RemoveAsync(string book, RemoveBook remove, CancellationToken cancellationToken)
    {
        var removed = await remove.ExecuteAsync(book, cancellationToken);
        return removed.IsSuccess ? Results.NoContent() : Problems.Of(removed.Error!);
    }
}
