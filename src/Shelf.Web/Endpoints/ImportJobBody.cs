using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.ImportJobs;
using Shelf.Core.Features.Importing;
using Shelf.Web.Infrastructure;

namespace Shelf.Web.Endpoints;

/// <summary>The problem a failed or cancelled job met: what the synchronous import would have answered.</summary>
public sealed record ImportJobProblem(int Status, string Code, string Detail);

/// <summary>
/// An import job as the API shows it (<c>GET /api/v1/imports/{id}</c>, and the 202 that started
/// it). <see cref="Summary"/> is the body a synchronous import answers with, once the job
/// succeeded; <see cref="Error"/> its problem, once it failed or was cancelled.
/// </summary>
public sealed record ImportJobBody(
    Guid Id,
    string Href,
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
    ImportJobProblem? Error)
{
    public static string PathOf(Guid id) => $"/api/v1/imports/{id}";

    /// <summary>The job as its row says, with this process's fresher progress when it is the one running it.</summary>
    internal static ImportJobBody Of(ImportJobView job, ImportProgress? live)
    {
        var running = live is { } progress && job.State is ImportJobState.Queued or ImportJobState.Running;
        return new ImportJobBody(
            job.Id,
            PathOf(job.Id),
            running ? ImportJobState.Running : job.State,
            job.FileName,
            job.FileBytes,
            job.DryRun,
            job.StartedBy,
            job.CreatedAt,
            job.StartedAt,
            job.FinishedAt,
            running ? ImportJobProgress.Of(live!.Value) : job.Progress,
            job.Summary,
            job.Error is { } error ? new ImportJobProblem(Problems.StatusOf(error), error.Code, WebHints.Append(error.Message, error.Code)) : null);
    }
}
