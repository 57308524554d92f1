namespace Shelf.Core.Features.Catalog.Reading;

/// <summary>
/// A field whose closing quote its source wrote escaped, as Book-Crossing's dump does for a few
/// titles: <c>"Title\";"Author";...</c> or <c>"Title\";Author";...</c>. Read with backslash quotes,
/// the title's cell then runs on into the author (<c>Title";Author"</c>) and the row is one field
/// short, every later value one column early. The quote and separator in the cell show where the
/// two values part.
/// </summary>
internal static class EscapedClosingQuote
{
    /// <summary>How a swallowing cell splits back into two values.</summary>
    public enum Reading
    {
        /// <summary>The cell holds no quote before a separator: nothing was swallowed.</summary>
        None,

        /// <summary>One quote before a separator: the values are the text on either side.</summary>
        Split,

        /// <summary>Several: which one ends the field cannot be told.</summary>
        Ambiguous,
    }

    public static Reading Split(string cell, char separator, out string left, out string right)
    {
        left = cell;
        right = string.Empty;
        ReadOnlySpan<char> boundary = ['"', separator];
        var at = cell.AsSpan().IndexOf(boundary);
        if (at < 0)
        {
            return Reading.None;
        }

        if (cell.AsSpan(at + 2).IndexOf(boundary) >= 0)
        {
            return Reading.Ambiguous;
        }

        // The escaped quote belongs to the title when it closes a quote the title opened ("Some \"Title\"").
        left = Quotes(cell.AsSpan(0, at)) % 2 == 1 ? cell[..(at + 1)] : cell[..at];

        // The next field's own closing quote is left over when its opening one closed the title.
        right = cell[(at + 2)..];
        if (right.EndsWith('"') && Quotes(right) % 2 == 1)
        {
            right = right[..^1];
        }

        return Reading.Split;
    }

    private static int Quotes(ReadOnlySpan<char> text) => text.Count('"');
}
