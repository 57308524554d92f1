using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// The library for one request: the scope's context opened (once, however many parts of the
/// request ask) before a use case or the authentication handler touches it. An unreachable
/// database is an <see cref="Error"/> the caller turns into a 503, not an exception.
/// </summary>
internal sealed class LibraryRequest(ShelfDatabase database, ShelfDbContext db)
{
    private Task<Error?>? _ready;

    public Task<Error?> ReadyAsync(CancellationToken cancellationToken) => _ready ??= database.PrepareAsync(db, cancellationToken);
}
