using Shelf.Core.Features.Catalog;

namespace Shelf.Web.Jobs;

/// <summary>A job this process accepted: its id, the upload kept in a temporary file, and how to import it.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="FilePath">The upload, which the job deletes when it ends.</param>
/// <param name="Request">The import's options; its input is opened from <paramref name="FilePath"/> when the job runs.</param>
internal sealed record QueuedImport(Guid Id, string FilePath, ImportRequest Request);
