using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Web.Infrastructure;

namespace Shelf.Web.Endpoints;

/// <summary><c>GET /health</c>: 200 while the library answers, 503 with the database's error when it does not. Open to anyone, for load balancers.</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync).AllowAnonymous().WithTags("Site")
            .WithSummary("Whether this process and its library answer").Produces<Health>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> CheckAsync(LibraryRequest library, CancellationToken cancellationToken) =>
        await library.ReadyAsync(cancellationToken) is { } error ? Problems.Of(error) : Results.Ok(new Health("ok"));

    public sealed record Health(string Status);
}
