using System.Text.Json;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;

namespace Shelf.Core.Features.ImportJobs;

/// <summary>How often a runner says it is alive, when a silent one counts as gone, and how a summary is kept.</summary>
public static class ImportJobRules
{
    /// <summary>How often the runner of a job records its progress (and so that it is alive).</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long without a heartbeat before a job whose runner is on another machine (or is no
    /// process here) counts as gone. On SQLite the import holds the write lock, so heartbeats
    /// cannot land until it commits; a runner on this machine is asked for by its pid instead.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions SummaryJson = new(JsonSerializerDefaults.Web);

    internal static string Serialize(ImportSummary summary) => JsonSerializer.Serialize(summary, SummaryJson);

    internal static ImportSummary? Deserialize(string? summary) => summary is null ? null : JsonSerializer.Deserialize<ImportSummary>(summary, SummaryJson);

    internal static bool IsActive(ImportJobState state) => state is ImportJobState.Queued or ImportJobState.Running;

    /// <summary>A queued or running job whose runner has stopped answering and is not known to run.</summary>
    internal static bool IsAbandoned(ImportJob job, DateTime now) =>
        IsActive(job.State)
        && job.HeartbeatAt < now - StaleAfter
        && !ImportJobRunner.IsRunningHere(job.Runner, job.RunnerMachine, job.RunnerPid, job.CreatedAt);

    internal static Error Abandoned() =>
        Error.Unavailable(ImportJobErrorCodes.RunnerGone, "the server running this import stopped before it finished; nothing was imported; upload the file again");

    /// <summary>What a job stopped by its server's shutdown reports.</summary>
    public static Error Cancelled() =>
        Error.Unavailable(ImportJobErrorCodes.Cancelled, "the server stopped while the import ran; nothing was imported; upload the file again");
}
