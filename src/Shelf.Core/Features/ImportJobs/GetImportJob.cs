using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Sales;

namespace Shelf.Core.Features.ImportJobs;

/// <summary>
/// One import job as any server of the site sees it. A queued or running job whose runner
/// stopped answering and is not known to run is reported as failed (nothing was imported: the
/// import was one transaction that never committed).
/// </summary>
public sealed class GetImportJob(ShelfDbContext db, TimeProvider clock)
{
    public async Task<Result<ImportJobView>> ExecuteAsync(Guid id, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is null
            ? Error.NotFound(ImportJobErrorCodes.NotFound, $"there is no import job {id}")
            : ImportJobView.Of(job, SaleRules.Now(clock));
    }
}
