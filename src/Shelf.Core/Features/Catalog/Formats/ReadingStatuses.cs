using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>Reading states as other systems name them, and back; a shelf Shelf does not know is kept as it is.</summary>
internal static class ReadingStatuses
{
    public static string? FromGoodreads(string? shelf) => Normalize(shelf) switch
    {
        null => null,
        "to-read" => ReadingStatus.WantToRead,
        "currently-reading" => ReadingStatus.Reading,
        "read" => ReadingStatus.Read,
        _ => shelf!.Trim(),
    };

    public static string? ToGoodreads(string? status) => status switch
    {
        null => null,
        ReadingStatus.WantToRead => "to-read",
        ReadingStatus.Reading => "currently-reading",
        ReadingStatus.Read => "read",
        _ => status,
    };

    public static string? FromStoryGraph(string? status) => Normalize(status) switch
    {
        null => null,
        "to-read" => ReadingStatus.WantToRead,
        "currently-reading" => ReadingStatus.Reading,
        "read" => ReadingStatus.Read,
        "did-not-finish" => ReadingStatus.Abandoned,
        _ => status!.Trim(),
    };

    public static string? FromLibib(string? status) => Normalize(status) switch
    {
        null => null,
        "not begun" => ReadingStatus.WantToRead,
        "in progress" => ReadingStatus.Reading,
        "completed" => ReadingStatus.Read,
        "abandoned" => ReadingStatus.Abandoned,
        _ => status!.Trim(),
    };

    /// <summary>LibraryThing has collections, not a status; three of its built-in ones say what the status is.</summary>
    public static string? FromLibraryThingCollections(IEnumerable<string> collections)
    {
        foreach (var collection in collections.Select(Normalize))
        {
            switch (collection)
            {
                case "currently reading":
                    return ReadingStatus.Reading;
                case "to read":
                case "wishlist":
                    return ReadingStatus.WantToRead;
                case "read but unowned":
                    return ReadingStatus.Read;
            }
        }

        return null;
    }

    private static string? Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
}
