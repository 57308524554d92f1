using Microsoft.Extensions.DependencyInjection;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// One command's view of the core: the process's service provider and the command's scope,
/// whose <see cref="Shelf.Core.Data.ShelfDbContext"/> is open. Disposing it closes both.
/// </summary>
internal sealed class LibrarySession(ServiceProvider root, AsyncServiceScope scope) : IAsyncDisposable
{
    public IServiceProvider Services => scope.ServiceProvider;

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await root.DisposeAsync();
    }
}
