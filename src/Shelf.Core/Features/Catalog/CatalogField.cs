namespace Shelf.Core.Features.Catalog;

/// <summary>
/// The book fields a file carries. An import compares and updates only these: a Goodreads
/// export says nothing of a book's location, so re-importing it never clears one.
/// </summary>
[Flags]
public enum CatalogField
{
    None = 0,
    Title = 1 << 0,
    Subtitle = 1 << 1,
    Authors = 1 << 2,
    Isbn = 1 << 3,
    Publisher = 1 << 4,
    YearPublished = 1 << 5,
    OriginalPublicationYear = 1 << 6,
    Language = 1 << 7,
    Format = 1 << 8,
    Pages = 1 << 9,
    Series = 1 << 10,
    Description = 1 << 11,
    ListPrice = 1 << 12,
    Rating = 1 << 13,
    Status = 1 << 14,
    DateStarted = 1 << 15,
    DateRead = 1 << 16,
    ReadCount = 1 << 17,
    Review = 1 << 18,
    PrivateNotes = 1 << 19,
    OwnedCopies = 1 << 20,
    Location = 1 << 21,
    AddedAt = 1 << 22,
    Tags = 1 << 23,
    Identifiers = 1 << 24,
    Extras = 1 << 25,
}
