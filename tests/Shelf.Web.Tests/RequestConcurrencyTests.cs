using Microsoft.AspNetCore.Http;
using Shelf.Web.Infrastructure;

namespace Shelf.Web.Tests;

public sealed class RequestConcurrencyTests
{
    [Fact]
    public async Task InvokeAsync_MoreRequestsThanTurns_LaterOnesWaitUntilATurnIsFreeThenAllRun()
    {
        var release = new TaskCompletionSource();
        var running = 0;
        var most = 0;
        var started = 0;
        using var queue = new RequestConcurrency(
            async _ =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                Interlocked.Increment(ref started);
                await release.Task;
                Interlocked.Decrement(ref running);
            },
            permits: 2);

        var requests = Enumerable.Range(0, 5).Select(_ => queue.InvokeAsync(new DefaultHttpContext())).ToList();
        await WaitUntilAsync(() => Volatile.Read(ref started) == 2);
        await Task.Delay(100);
        Assert.Equal(2, Volatile.Read(ref started));

        release.SetResult();
        await Task.WhenAll(requests);
        Assert.Equal(5, started);
        Assert.Equal(2, most);
    }

    [Fact]
    public async Task InvokeAsync_EndpointOutsideTheQueue_RunsWhileEveryTurnIsTaken()
    {
        var release = new TaskCompletionSource();
        var transfers = 0;
        using var queue = new RequestConcurrency(
            context => context.GetEndpoint() is null ? release.Task : Task.FromResult(Interlocked.Increment(ref transfers)),
            permits: 1);

        var holding = queue.InvokeAsync(new DefaultHttpContext());
        var upload = new DefaultHttpContext();
        upload.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(OutsideRequestQueue.Instance), "upload"));
        await queue.InvokeAsync(upload).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, transfers);
        Assert.False(holding.IsCompleted);
        release.SetResult();
        await holding;
    }

    [Fact]
    public async Task InvokeAsync_ClientGoneWhileQueued_StopsWaitingAndFreesNothingItNeverHeld()
    {
        var release = new TaskCompletionSource();
        var ran = 0;
        using var queue = new RequestConcurrency(
            async _ =>
            {
                Interlocked.Increment(ref ran);
                await release.Task;
            },
            permits: 1);
        var holding = queue.InvokeAsync(new DefaultHttpContext());
        using var gone = new CancellationTokenSource();
        var queued = new DefaultHttpContext { RequestAborted = gone.Token };

        var waiting = queue.InvokeAsync(queued);
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.SetResult();
        await holding;
        await queue.InvokeAsync(new DefaultHttpContext()).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, ran);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref target);
        }
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) != seen);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(10);
        }
    }
}
