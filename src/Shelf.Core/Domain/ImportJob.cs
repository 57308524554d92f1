using Shelf.Core.Common;

namespace Shelf.Core.Domain;

/// <summary>
/// An import a web server runs in the background, kept in the library so that any server of a
/// site answers for it. The import itself is one transaction of its own; this row is written in
/// short transactions beside it: when it is queued, at each heartbeat (with the progress) and
/// when it ends.
/// </summary>
public class ImportJob
{
    public const int MaxFileNameLength = 255;

    public const int MaxRunnerLength = 100;

    public const int MaxMachineLength = 255;

    public const int MaxErrorCodeLength = 100;

    public const int MaxErrorMessageLength = 4000;

    public Guid Id { get; set; }

    public ImportJobState State { get; set; }

    /// <summary>The uploaded file's name as the client sent it, for people; null when it sent none.</summary>
    public string? FileName { get; set; }

    public long FileBytes { get; set; }

    public bool DryRun { get; set; }

    /// <summary>The user who started it, by name: history that outlives the user, as merge records do.</summary>
    public string StartedBy { get; set; } = string.Empty;

    /// <summary>The server process that holds the file and runs the job (unique per process start).</summary>
    public string Runner { get; set; } = string.Empty;

    /// <summary>The machine and process id of <see cref="Runner"/>, so a server on the same machine can tell it is gone.</summary>
    public string RunnerMachine { get; set; } = string.Empty;

    public int RunnerPid { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>When <see cref="Runner"/> last said it was still at work.</summary>
    public DateTime HeartbeatAt { get; set; }

    public long RowsRead { get; set; }

    public long BytesRead { get; set; }

    public long? TotalBytes { get; set; }

    /// <summary>The import's step at the last heartbeat ("reading", "finishing", "committing"); null before it started.</summary>
    public string? Step { get; set; }

    /// <summary>The import's summary as JSON, once it succeeded.</summary>
    public string? Summary { get; set; }

    /// <summary>The kind of the error that failed or cancelled it (a host's status follows from it).</summary>
    public ErrorKind? ErrorKind { get; set; }

    /// <summary>The stable code of the error that failed or cancelled it.</summary>
    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }
}
