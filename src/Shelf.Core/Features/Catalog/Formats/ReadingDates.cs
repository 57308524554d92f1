namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>One reading of a book as trackers export them (StoryGraph, Openreads): a start and an end, either may be missing.</summary>
internal readonly record struct ReadingDates(DateOnly? Start, DateOnly? End)
{
    /// <summary>The reading that ended (or, still open, began) last: it gives the book's start date and date read.</summary>
    public static ReadingDates? Latest(IEnumerable<ReadingDates> readings)
    {
        ReadingDates? latest = null;
        foreach (var reading in readings)
        {
            if (latest is null || (reading.End ?? reading.Start) >= (latest.Value.End ?? latest.Value.Start))
            {
                latest = reading;
            }
        }

        return latest;
    }
}
