namespace Shelf.Core.Domain;

/// <summary>
/// The built-in reading states. A book's status is text, not an enum, because users keep
/// their own exclusive shelves ("dnf", "owned-unread") and an import must not lose them.
/// </summary>
public static class ReadingStatus
{
    public const string WantToRead = "want-to-read";
    public const string Reading = "reading";
    public const string Read = "read";
    public const string Abandoned = "abandoned";

    public static IReadOnlyList<string> BuiltIn { get; } = [WantToRead, Reading, Read, Abandoned];

    /// <summary>
    /// A status as people and other systems write it ("to-read", "Want to Read", "planned",
    /// "Currently Reading", "Already Read", "finished", "DNF"), as one of the built-in four;
    /// any other text is a shelf of the user's own and stays as written. Every path that sets a
    /// status goes through here, so an import and <c>edit</c> agree.
    /// </summary>
    public static string Normalize(string status)
    {
        var key = string.Join(' ', status.ToLowerInvariant().Replace('_', ' ').Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return key switch
        {
            "want to read" or "to read" or "wishlist" or "wish list" or "planned" or "plan to read" or "want" or "tbr" => WantToRead,
            "reading" or "currently reading" or "in progress" or "started" => Reading,
            "read" or "finished" or "done" or "already read" or "completed" or "have read" => Read,
            "abandoned" or "dnf" or "did not finish" or "gave up" or "dropped" or "stopped reading" => Abandoned,
            _ => status.Trim(),
        };
    }
}
