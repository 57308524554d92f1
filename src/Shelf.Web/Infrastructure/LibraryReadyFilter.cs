using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Shelf.Web.Infrastructure;

/// <summary>Runs an endpoint only once its request's library is open; otherwise answers with the database's error.</summary>
internal sealed class LibraryReadyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var library = context.HttpContext.RequestServices.GetRequiredService<LibraryRequest>();
        return await library.ReadyAsync(context.HttpContext.RequestAborted) is { } error
            ? Problems.Of(error)
            : await next(context);
    }
}
