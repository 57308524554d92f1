namespace Shelf.Core.Domain;

/// <summary>
/// The link between a book and a person, with payload: <see cref="Position"/> keeps the order
/// of the credits (0 is the first author) and <see cref="Role"/> says what the person did.
/// </summary>
public class BookAuthor
{
    public int BookId { get; set; }

    public Book Book { get; set; } = null!;

    public int AuthorId { get; set; }

    public Author Author { get; set; } = null!;

    /// <summary>0-based place in the book's credits; unique per book.</summary>
    public int Position { get; set; }

    public AuthorRole Role { get; set; } = AuthorRole.Author;
}
