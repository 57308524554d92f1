using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Importing;
using Shelf.Core.Features.Sales;

namespace Shelf.Core.Features.ImportJobs;

/// <summary>How a job ended: the import's summary or the error that failed it; or, with <paramref name="Cancelled"/>, stopped by its server (the outcome unused).</summary>
/// <param name="Id">The job.</param>
/// <param name="Runner">The process that ran it; another process's job is never rewritten.</param>
/// <param name="Outcome">What the import returned.</param>
/// <param name="Cancelled">The server stopped the import; nothing was imported.</param>
/// <param name="Progress">How far it got, kept with a failed or cancelled job.</param>
public sealed record FinishImportJobRequest(Guid Id, ImportJobRunner Runner, Result<ImportSummary> Outcome, bool Cancelled = false, ImportProgress? Progress = null);

/// <summary>Records that a job ended (succeeded, failed or cancelled), in a transaction of its own after the import's.</summary>
public sealed class FinishImportJob(ShelfDbContext db, TimeProvider clock)
{
    /// <returns>Whether the job was this runner's and still running (an ended job is never rewritten).</returns>
    public async Task<Result<bool>> ExecuteAsync(FinishImportJobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = SaleRules.Now(clock);
        var (state, summary, error) = request.Cancelled
            ? (ImportJobState.Cancelled, null, ImportJobRules.Cancelled())
            : request.Outcome.IsSuccess
                ? (ImportJobState.Succeeded, ImportJobRules.Serialize(request.Outcome.Value), (Error?)null)
                : (ImportJobState.Failed, (string?)null, request.Outcome.Error);
        var message = error?.Message is { Length: > ImportJob.MaxErrorMessageLength } text ? text[..ImportJob.MaxErrorMessageLength] : error?.Message;
        ErrorKind? kind = error?.Kind;
        var code = error?.Code;
        var rows = state == ImportJobState.Succeeded ? request.Outcome.Value.Read : request.Progress?.Rows;
        var changed = await db.ImportJobs
            .Where(j => j.Id == request.Id && j.Runner == request.Runner.Instance && (j.State == ImportJobState.Queued || j.State == ImportJobState.Running))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(j => j.State, state)
                    .SetProperty(j => j.FinishedAt, now)
                    .SetProperty(j => j.HeartbeatAt, now)
                    .SetProperty(j => j.RowsRead, j => rows ?? j.RowsRead)
                    .SetProperty(j => j.Summary, summary)
                    .SetProperty(j => j.ErrorKind, kind)
                    .SetProperty(j => j.ErrorCode, code)
                    .SetProperty(j => j.ErrorMessage, message),
                cancellationToken);
        return changed > 0;
    }
}
