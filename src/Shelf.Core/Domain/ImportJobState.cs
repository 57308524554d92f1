namespace Shelf.Core.Domain;

/// <summary>Where an import job is: waiting, importing, or done one of three ways.</summary>
public enum ImportJobState
{
    /// <summary>Accepted and waiting for the process that took it.</summary>
    Queued,

    /// <summary>Importing; its progress is recorded with each heartbeat.</summary>
    Running,

    /// <summary>Imported (or, for a dry run, read); the summary is kept.</summary>
    Succeeded,

    /// <summary>The import refused the file or failed; nothing was imported.</summary>
    Failed,

    /// <summary>Stopped before it finished (the server was stopped); nothing was imported.</summary>
    Cancelled,
}
