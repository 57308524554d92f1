using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Importing;
using Shelf.Core.Features.Sales;

namespace Shelf.Core.Features.ImportJobs;

/// <summary>
/// A runner's heartbeat: the job is running, here is how far it got. One UPDATE outside the
/// import's transaction; a job that has already ended (or that another runner holds) is left alone.
/// </summary>
public sealed class RecordImportJob(ShelfDbContext db, TimeProvider clock)
{
    /// <returns>Whether the job is still this runner's and running.</returns>
    public async Task<Result<bool>> ExecuteAsync(Guid id, ImportJobRunner runner, ImportProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var now = SaleRules.Now(clock);
        var shown = progress is { } p ? ImportJobProgress.Of(p) : null;
        long? rows = shown?.Rows;
        long? bytes = shown?.Bytes;
        var total = shown?.TotalBytes;
        var step = shown?.Step;
        var changed = await db.ImportJobs
            .Where(j => j.Id == id && j.Runner == runner.Instance && (j.State == ImportJobState.Queued || j.State == ImportJobState.Running))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(j => j.State, ImportJobState.Running)
                    .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now)
                    .SetProperty(j => j.HeartbeatAt, now)
                    .SetProperty(j => j.RowsRead, j => rows ?? j.RowsRead)
                    .SetProperty(j => j.BytesRead, j => bytes ?? j.BytesRead)
                    .SetProperty(j => j.TotalBytes, j => total ?? j.TotalBytes)
                    .SetProperty(j => j.Step, j => step ?? j.Step),
                cancellationToken);
        return changed > 0;
    }
}
