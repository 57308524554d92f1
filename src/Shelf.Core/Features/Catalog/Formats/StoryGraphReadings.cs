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
    public readonly record struct Reading(DateOnly? Start, DateOnly? End);

    /// <summary>The reading that ended (or began) last; null when the text holds none.</summary>
    public static Reading? Latest(string text)
    {
        Reading? latest = null;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Parse(part) is { } reading && (latest is null || (reading.End ?? reading.Start) >= (latest.Value.End ?? latest.Value.Start)))
            {
                latest = reading;
            }
        }

        return latest;
    }

    /// <summary>One "start-end" range, or a single date (the end); null when it is neither.</summary>
    public static Reading? Parse(string text)
    {
        var match = RangePattern().Match(text.Trim());
        if (!match.Success)
        {
            return CatalogValues.TryDate(text, out var single) ? new Reading(null, single) : null;
        }

        DateOnly? start = CatalogValues.TryDate(match.Groups["start"].Value, out var s) ? s : null;
        DateOnly? end = CatalogValues.TryDate(match.Groups["end"].Value, out var e) ? e : null;
        var wrote = (start: match.Groups["start"].Length > 0, end: match.Groups["end"].Length > 0);
        if ((wrote.start && start is null) || (wrote.end && end is null) || (start is null && end is null))
        {
            return null;
        }

        return new Reading(start, end);
    }

    // Dates with slashes (StoryGraph's) or dashes; the range's own dash stands between them.
    [GeneratedRegex(@"^(?<start>\d{4}[/.-]\d{1,2}[/.-]\d{1,2})?\s*-\s*(?<end>\d{4}[/.-]\d{1,2}[/.-]\d{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();
}
