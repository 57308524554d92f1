namespace Shelf.Core.Common;

/// <summary>
/// Text a user or a file gave, quoted back in a message: short enough for one line however long
/// the value was (a whole review pasted into the pages field stays a line, not a page).
/// </summary>
public static class UserText
{
    /// <summary>The text trimmed, cut at <paramref name="maxLength"/> characters with "…" when longer.</summary>
    public static string Shorten(string? text, int maxLength = 40)
    {
        var value = (text ?? string.Empty).Trim();
        return value.Length <= maxLength ? value : value[..maxLength] + "…";
    }

    /// <summary>Names (a file's columns) as one line: the first dozen, each cut at 40 characters.</summary>
    public static string List(IReadOnlyList<string> names)
    {
        var text = string.Join(", ", names.Take(12).Select(n => n.Length > 40 ? n[..40] + "…" : n));
        return names.Count > 12 ? text + ", …" : text;
    }
}
