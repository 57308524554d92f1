using Microsoft.AspNetCore.Http;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// Lets a few requests work at once (<see cref="ShelfWebOptions.MaxConcurrentRequests"/>) and
/// queues the rest in arrival order, instead of letting every open connection start its database
/// work together: on a small machine the extra ones only take turns on the same cores, and the
/// slowest wait behind all the others. With 32 clients on our 2-core machine and 1M books, 6 at
/// once took SQLite's library page from p99 46-59 ms to 42 ms at more requests/s (bench/web.sh).
/// Uploads and downloads, which last as long as the client's transfer, are marked
/// <see cref="OutsideRequestQueue"/> and pass by, so a slow client never holds a turn.
/// </summary>
internal sealed class RequestConcurrency(RequestDelegate next, int permits) : IDisposable
{
    private readonly SemaphoreSlim _turns = new(permits, permits);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<OutsideRequestQueue>() is not null)
        {
            await next(context);
            return;
        }

        await _turns.WaitAsync(context.RequestAborted);
        try
        {
            await next(context);
        }
        finally
        {
            _turns.Release();
        }
    }

    public void Dispose() => _turns.Dispose();
}
