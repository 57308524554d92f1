namespace Shelf.Core.Domain;

/// <summary>A book in the collection: bibliographic fields, then the owner's personal ones.</summary>
public class Book
{
    public const int MaxTitleLength = 1000;
    public const int MaxPages = 100_000;

    public int Id { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>Matching key of the title (<see cref="TextKey"/>); used by search and duplicate checks.</summary>
    public string TitleKey { get; set; } = string.Empty;

    public string? Subtitle { get; set; }

    public int? Pages { get; set; }

    /// <summary>ISBN-13 digits; unique when present.</summary>
    public string? Isbn13 { get; set; }

    public string? Publisher { get; set; }

    public int? YearPublished { get; set; }

    /// <summary>Year the work first appeared; negative for BCE.</summary>
    public int? OriginalPublicationYear { get; set; }

    /// <summary>Language code as the source gave it (ISO 639 or a locale).</summary>
    public string? Language { get; set; }

    /// <summary>Binding or format: Hardcover, Paperback, ebook, audiobook...</summary>
    public string? Format { get; set; }

    public string? Series { get; set; }

    /// <summary>Place in the series as written ("1", "2.5", "Book Three").</summary>
    public string? SeriesNumber { get; set; }

    public string? Description { get; set; }

    /// <summary>List price in minor units (cents); paired with <see cref="ListPriceCurrency"/>.</summary>
    public long? ListPriceMinor { get; set; }

    /// <summary>ISO 4217 code of <see cref="ListPriceMinor"/>.</summary>
    public string? ListPriceCurrency { get; set; }

    public DateTime AddedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    // Personal fields: the owner's relationship with this copy.

    /// <summary>1 to 5 stars; null when unrated.</summary>
    public int? Rating { get; set; }

    /// <summary>A <see cref="ReadingStatus"/> value or the user's own exclusive shelf.</summary>
    public string? Status { get; set; }

    public DateOnly? DateStarted { get; set; }

    public DateOnly? DateRead { get; set; }

    public int ReadCount { get; set; }

    public string? Review { get; set; }

    public string? PrivateNotes { get; set; }

    public int? OwnedCopies { get; set; }

    /// <summary>Where the copy sits: a room, a shelfmark.</summary>
    public string? Location { get; set; }

    /// <summary>
    /// Columns of imported files that Shelf has no field for, as JSON (see <see cref="BookExtras"/>);
    /// null when there are none.
    /// </summary>
    public string? Extras { get; set; }

    public List<BookAuthor> Authors { get; set; } = [];

    public List<BookTag> Tags { get; set; } = [];

    public List<BookIdentifier> Identifiers { get; set; } = [];

    /// <summary>Sets the title and its matching key together.</summary>
    public void SetTitle(string title)
    {
        Title = title;
        TitleKey = TextKey.Normalize(title);
    }
}
