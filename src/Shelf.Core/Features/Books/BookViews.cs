using Shelf.Core.Domain;

namespace Shelf.Core.Features.Books;

/// <summary>A book in a listing: enough to recognise it.</summary>
public sealed record BookSummary(
    int Id,
    string Title,
    IReadOnlyList<string> Authors,
    int? Pages,
    string? Isbn13,
    int? Year,
    string? Publisher)
{
    /// <summary>Year the work first appeared, when known; <see cref="Year"/> is this edition's.</summary>
    public int? OriginalPublicationYear { get; init; }
}

/// <summary>One credit on a book, in order.</summary>
public sealed record CreditView(int AuthorId, string Name, AuthorRole Role);

/// <summary>One line of a book shown to a person: a label and the value as it reads ("Rating", "★★★☆☆ (3/5)").</summary>
public sealed record BookLine(string Label, string Value);

/// <summary>Everything Shelf knows about one book.</summary>
public sealed record BookDetails
{
    public required int Id { get; init; }

    public required string Title { get; init; }

    public string? Subtitle { get; init; }

    /// <summary>Names of the credited people, in order.</summary>
    public required IReadOnlyList<string> Authors { get; init; }

    /// <summary>The same people with their ids and roles.</summary>
    public required IReadOnlyList<CreditView> Credits { get; init; }

    public int? Pages { get; init; }

    public string? Isbn13 { get; init; }

    public string? Isbn10 => Isbn13 is null ? null : Isbn.Parse(Isbn13).ToIsbn10();

    public int? Year { get; init; }

    public string? Publisher { get; init; }

    public int? OriginalPublicationYear { get; init; }

    public string? Language { get; init; }

    public string? Format { get; init; }

    public string? Series { get; init; }

    public string? SeriesNumber { get; init; }

    public string? Description { get; init; }

    public int? Rating { get; init; }

    public string? Status { get; init; }

    public DateOnly? DateStarted { get; init; }

    public DateOnly? DateRead { get; init; }

    public int ReadCount { get; init; }

    public int? OwnedCopies { get; init; }

    public string? Location { get; init; }

    /// <summary>List price with the currency's scale (9.99), or null.</summary>
    public decimal? ListPrice => ListPriceMinor is { } minor && ListPriceCurrency is { } currency ? Money.ToAmount(minor, currency) : null;

    public string? ListPriceCurrency { get; init; }

    internal long? ListPriceMinor { get; init; }

    public string? Review { get; init; }

    public string? PrivateNotes { get; init; }

    /// <summary>The shelves the book is on, by name.</summary>
    public IReadOnlyList<string> Shelves { get; init; } = [];

    /// <summary>The book's ids in other systems, as "scheme:value".</summary>
    public IReadOnlyList<string> Identifiers { get; init; } = [];

    /// <summary>Imported columns Shelf has no field for, per source, in the file's order (see <see cref="BookExtras"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Extras
    {
        get
        {
            var extras = BookExtras.Parse(ExtrasJson);
            return extras.Sources.ToDictionary(
                source => source,
                source => (IReadOnlyDictionary<string, string>)extras.For(source).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal),
                StringComparer.Ordinal);
        }
    }

    internal string? ExtrasJson { get; init; }

    public required DateTime AddedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }

    /// <summary>Who has a copy now, oldest loan first (filled by <see cref="GetBook"/>; empty elsewhere).</summary>
    public IReadOnlyList<Loans.LoanView> Loans { get; init; } = [];

    /// <summary>
    /// The book as a person reads it, one line per field that has a value, in the order every
    /// host shows them; built from the book-field table, so a new field shows up without a host
    /// changing. Left out of JSON, which carries the typed properties above.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<BookLine> Lines { get; init; } = [];
}
