namespace Shelf.Web;

/// <summary>What <c>shelf serve</c> was asked for.</summary>
public sealed class ShelfWebOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public const long DefaultMaxUploadBytes = 50L * 1024 * 1024;

    public const long DefaultImportJobBytes = 5L * 1024 * 1024;

    /// <summary>Where Kestrel listens, as ASP.NET Core reads <c>--urls</c> (several separated by ';').</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>Let anyone read the catalog without logging in; changes still need an editor.</summary>
    public bool Public { get; set; }

    /// <summary>The largest request body (an uploaded import) accepted; larger ones get 413.</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>
    /// Uploads larger than this are always imported as a job (202 and a job to poll) rather than
    /// within the request; smaller ones only when the client sends <c>Prefer: respond-async</c>.
    /// </summary>
    public long ImportJobBytes { get; set; } = DefaultImportJobBytes;

    /// <summary>
    /// Requests that work at once; the rest queue (<see cref="Infrastructure.RequestConcurrency"/>).
    /// A few per core: more only take turns on the same cores.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = Math.Max(4, 3 * Environment.ProcessorCount);
}
