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
}
