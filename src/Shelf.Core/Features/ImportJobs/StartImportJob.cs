using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Sales;

namespace Shelf.Core.Features.ImportJobs;

/// <summary>What a job will import and who asked.</summary>
/// <param name="FileName">The upload's name as the client sent it; shortened when too long.</param>
/// <param name="FileBytes">The upload's size.</param>
/// <param name="DryRun">Whether the import only reports.</param>
/// <param name="StartedBy">The user's name.</param>
/// <param name="Runner">The process that holds the file and will run the import.</param>
public sealed record StartImportJobRequest(string? FileName, long FileBytes, bool DryRun, string StartedBy, ImportJobRunner Runner);

/// <summary>Records a new import job, queued on its runner, in a transaction of its own; the runner then imports the file it holds.</summary>
public sealed class StartImportJob(ShelfDbContext db, TimeProvider clock)
{
    public async Task<Result<ImportJobView>> ExecuteAsync(StartImportJobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = SaleRules.Now(clock);
        var name = string.IsNullOrWhiteSpace(request.FileName) ? null : request.FileName.Trim();
        var job = new ImportJob
        {
            Id = Guid.CreateVersion7(),
            State = ImportJobState.Queued,
            FileName = name is { Length: > ImportJob.MaxFileNameLength } ? name[..ImportJob.MaxFileNameLength] : name,
            FileBytes = Math.Max(0, request.FileBytes),
            DryRun = request.DryRun,
            StartedBy = request.StartedBy,
            Runner = request.Runner.Instance,
            RunnerMachine = request.Runner.Machine.Length > ImportJob.MaxMachineLength ? request.Runner.Machine[..ImportJob.MaxMachineLength] : request.Runner.Machine,
            RunnerPid = request.Runner.Pid,
            CreatedAt = now,
            HeartbeatAt = now,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return ImportJobView.Of(job, now);
    }
}
