using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Core.Features.Shelves;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Endpoints;

/// <summary><c>/api/v1/shelves</c>: the shelves with their book counts. Books go on and off shelves through PATCH on the book.</summary>
internal static class ShelfEndpoints
{
    public static void MapShelfEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/shelves", ListAsync).WithTags("Shelves").RequireAuthorization(Policies.Read)
            .WithSummary("List shelves by name with how many books each holds").Produces<Page<ShelfSummary>>().ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ListShelves list, string? limit, string? offset, CancellationToken cancellationToken)
    {
        var paging = Paging.Read(limit, offset);
        if (!paging.IsSuccess)
        {
            return Problems.Of(paging.Error!);
        }

        var page = paging.Value;
        var listed = await list.ExecuteAsync(new ListShelvesRequest { Limit = page.Limit + 1, Offset = page.Offset, CountTotal = true }, cancellationToken);
        return listed.IsSuccess ? Results.Ok(page.PageOf(listed.Value.Shelves, listed.Value.Total, request)) : Problems.Of(listed.Error!);
    }
}
