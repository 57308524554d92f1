namespace Shelf.Core.Domain;

/// <summary>A user's shelf or tag ("favourites", "to-read"); a book sits on any number of them.</summary>
public class Tag
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Matching key of <see cref="Name"/>, unique: "Sci-Fi" and "sci fi" are one shelf.</summary>
    public string NameKey { get; set; } = string.Empty;

    public List<BookTag> Books { get; set; } = [];
}
