using System.Text.RegularExpressions;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// StoryGraph's readings: "2023/05/01-2023/05/20, 2024/02/01-2024/02/10", each a start and an
/// end, either of which may be missing ("2024/02/01-" while reading). The latest reading gives
/// the book's start date and, when the file has no last date read, its date read.
/// </summary>
internal static partial class StoryGraphReadings
{
    /// <summary>The reading that ended (or began) last; null when the text holds none.</summary>
    public static ReadingDates? Latest(string text) =>
        ReadingDates.Latest(text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Parse).OfType<ReadingDates>());

    /// <summary>One "start-end" range, or a single date (the end); null when it is neither.</summary>
    public static ReadingDates? Parse(string text)
    {
        var match = RangePattern().Match(text.Trim());
        if (!match.Success)
        {
            return CatalogValues.TryDate(text, out var single) ? new ReadingDates(null, single) : null;
        }

        DateOnly? start = CatalogValues.TryDate(match.Groups["start"].Value, out var s) ? s : null;
        DateOnly? end = CatalogValues.TryDate(match.Groups["end"].Value, out var e) ? e : null;
        var wrote = (start: match.Groups["start"].Length > 0, end: match.Groups["end"].Length > 0);
        if ((wrote.start && start is null) || (wrote.end && end is null) || (start is null && end is null))
        {
            return null;
        }

        return new ReadingDates(start, end);
    }

    // Dates with slashes (StoryGraph's) or dashes; the range's own dash stands between them.
    [GeneratedRegex(@"^(?<start>\d{4}[/.-]\d{1,2}[/.-]\d{1,2})?\s*-\s*(?<end>\d{4}[/.-]\d{1,2}[/.-]\d{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();
}
