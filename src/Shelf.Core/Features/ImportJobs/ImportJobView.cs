using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Importing;

namespace Shelf.Core.Features.ImportJobs;

/// <summary>How far a job's import got, as of its runner's last heartbeat.</summary>
/// <param name="Rows">Rows read so far.</param>
/// <param name="Bytes">Bytes of the file read so far.</param>
/// <param name="TotalBytes">The file's size.</param>
/// <param name="Step">"reading", "finishing" or "committing"; null before the import started.</param>
public sealed record ImportJobProgress(long Rows, long Bytes, long? TotalBytes, string? Step)
{
    public static ImportJobProgress Of(ImportProgress progress) =>
        new(progress.Rows, progress.Bytes, progress.TotalBytes, progress.Step.ToString().ToLowerInvariant());
}

/// <summary>An import job as a host shows it: its state, progress and times, the summary once it succeeded, the error once it failed.</summary>
public sealed record ImportJobView(
    Guid Id,
    ImportJobState State,
    string? FileName,
    long FileBytes,
    bool DryRun,
    string StartedBy,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    ImportJobProgress Progress,
    ImportSummary? Summary,
    Error? Error)
{
    internal static ImportJobView Of(ImportJob job, DateTime now)
    {
        var view = new ImportJobView(
            job.Id,
            job.State,
            job.FileName,
            job.FileBytes,
            job.DryRun,
            job.StartedBy,
            job.CreatedAt,
            job.StartedAt,
            job.FinishedAt,
            new ImportJobProgress(job.RowsRead, job.BytesRead, job.TotalBytes, job.Step),
            ImportJobRules.Deserialize(job.Summary),
            job.ErrorCode is null ? null : new Error(job.ErrorKind ?? ErrorKind.Unavailable, job.ErrorCode, job.ErrorMessage ?? string.Empty));

        // Reported, not written: a read stays a read, and the row keeps what the runner last said.
        return ImportJobRules.IsAbandoned(job, now)
            ? view with { State = ImportJobState.Failed, FinishedAt = job.HeartbeatAt, Error = ImportJobRules.Abandoned() }
            : view;
    }
}
