namespace Shelf.Core.Features.ImportJobs;

/// <summary>The stable codes of the errors about import jobs.</summary>
public static class ImportJobErrorCodes
{
    public const string NotFound = "import_job.not_found";

    /// <summary>The server running the job stopped (and said so) before the import finished.</summary>
    public const string Cancelled = "import_job.cancelled";

    /// <summary>The server running the job went away without a word (killed, crashed, its machine lost).</summary>
    public const string RunnerGone = "import_job.runner_gone";
}
