namespace Shelf.Web.Infrastructure;

/// <summary>
/// Endpoint metadata: this endpoint's requests last as long as a transfer (an upload, a streamed
/// export), so they do not wait for or hold one of <see cref="RequestConcurrency"/>'s turns.
/// </summary>
internal sealed class OutsideRequestQueue
{
    public static readonly OutsideRequestQueue Instance = new();

    private OutsideRequestQueue()
    {
    }
}
