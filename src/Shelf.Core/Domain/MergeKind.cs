namespace Shelf.Core.Domain;

/// <summary>What a <see cref="MergeRecord"/> merged. Stored as lower-case text, checked by the database.</summary>
public enum MergeKind
{
    /// <summary><c>shelf merge</c>: books into one book.</summary>
    Book,

    /// <summary><c>shelf author merge</c>: one author into another.</summary>
    Author,
}
