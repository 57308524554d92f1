using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Core.Common;
using Shelf.Core.Features.Authors;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Endpoints;

/// <summary><c>/api/v1/authors</c>: list, get, rename, merge.</summary>
internal static class AuthorEndpoints
{
    public static void MapAuthorEndpoints(this RouteGroupBuilder api)
    {
        var authors = api.MapGroup("/authors").WithTags("Authors");
        authors.MapGet("/", ListAsync).RequireAuthorization(Policies.Read)
            .WithSummary("List authors by name (or most books first with byBooks=true); q filters by any part of a name")
            .Produces<Page<AuthorSummary>>().ProducesProblem(StatusCodes.Status400BadRequest);
        authors.MapGet("/{author}", GetAsync).RequireAuthorization(Policies.Read)
            .WithSummary("One author and their books, by id or name").Produces<AuthorDetails>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        authors.MapPost("/{author}/rename", RenameAsync).RequireAuthorization(Policies.Edit)
            .WithSummary("Correct how an author's name is written: {\"name\": \"...\"}").Accepts<JsonElement>("application/json").Produces<AuthorSummary>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        authors.MapPost("/{author}/merge", MergeAsync).RequireAuthorization(Policies.Edit)
            .WithSummary("Make this author and another one person: {\"into\": id or name}").Accepts<JsonElement>("application/json").Produces<MergedAuthors>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ListAuthors list, string? q, bool? byBooks, string? limit, string? offset, CancellationToken cancellationToken)
    {
        var paging = Paging.Read(limit, offset);
        if (!paging.IsSuccess)
        {
            return Problems.Of(paging.Error!);
        }

        var page = paging.Value;
        var listed = await list.ExecuteAsync(new ListAuthorsRequest { Filter = q, ByBookCount = byBooks ?? false, Limit = page.Limit + 1, Offset = page.Offset, CountTotal = true }, cancellationToken);
        return listed.IsSuccess ? Results.Ok(page.PageOf(listed.Value.Authors, listed.Value.Total, request)) : Problems.Of(listed.Error!);
    }

    private static async Task<IResult> GetAsync(string author, GetAuthor get, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(author, cancellationToken);
        return found.IsSuccess ? Results.Ok(found.Value) : Problems.Of(found.Error!);
    }

    private static async Task<IResult> RenameAsync(string author, JsonElement body, RenameAuthor rename, CancellationToken cancellationToken)
    {
        var name = StringMember(body, "name");
        if (!name.IsSuccess)
        {
            return Problems.Of(name.Error!);
        }

        var renamed = await rename.ExecuteAsync(author, name.Value, cancellationToken);
        return renamed.IsSuccess ? Results.Ok(renamed.Value) : Problems.Of(renamed.Error!);
    }

    private static async Task<IResult> MergeAsync(string author, JsonElement body, MergeAuthors merge, CancellationToken cancellationToken)
    {
        var into = StringMember(body, "into");
        if (!into.IsSuccess)
        {
            return Problems.Of(into.Error!);
        }

        var merged = await merge.ExecuteAsync(author, into.Value, cancellationToken);
        return merged.IsSuccess ? Results.Ok(merged.Value) : Problems.Of(merged.Error!);
    }

    /// <summary>The one member an author action's body holds, a string or a number (an id).</summary>
    private static Result<string> StringMember(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText())
            : Error.Invalid(WebErrorCodes.BadRequest, $"the body must be a JSON object with '{name}', such as {{\"{name}\": \"Ursula K. Le Guin\"}}");
}
