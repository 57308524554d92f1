namespace Shelf.Core.Domain;

/// <summary>
/// A book's id in another system ("goodreads" / "123"). Unique per scheme, so re-importing a
/// file without ISBNs still finds the books it brought in before.
/// </summary>
public class BookIdentifier
{
    public int Id { get; set; }

    public int BookId { get; set; }

    public Book Book { get; set; } = null!;

    /// <summary>Lower-case name of the other system: goodreads, librarything, calibre, ...</summary>
    public string Scheme { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;
}
