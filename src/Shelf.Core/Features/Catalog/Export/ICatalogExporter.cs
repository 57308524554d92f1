using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Export;

/// <summary>Writes books one at a time to an export file; nothing but the current book is held in memory.</summary>
internal interface ICatalogExporter : IAsyncDisposable
{
    Task BeginAsync(CancellationToken cancellationToken);

    /// <summary>Writes one book, loaded with its credits (and their authors), shelves and ids, with its loans (oldest first, with their borrowers).</summary>
    Task WriteAsync(Book book, IReadOnlyList<Loan> loans, CancellationToken cancellationToken);

    Task EndAsync(CancellationToken cancellationToken);
}
