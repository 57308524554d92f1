using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shelf.Core.Features.Accounts;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// Until the library has an owner, the site serves only its health check: nobody could log in,
/// and a site that answered anyway would be a site nobody manages. Once an owner exists (made
/// with the CLI while the server runs) the gate opens for good, without a restart.
/// </summary>
internal sealed class OwnerGate(RequestDelegate next)
{
    public const string Hint = "this library has no owner yet; create one with 'shelf user add NAME --role owner', then reload";

    private volatile bool _open;

    public async Task InvokeAsync(HttpContext context)
    {
        if (_open || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<LibraryRequest>().ReadyAsync(context.RequestAborted) is { } error)
        {
            await Problems.Of(error).ExecuteAsync(context);
            return;
        }

        _open = await services.GetRequiredService<CountOwners>().ExecuteAsync(context.RequestAborted) > 0;
        if (!_open)
        {
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, WebErrorCodes.NoOwner, Hint);
            return;
        }

        await next(context);
    }
}
