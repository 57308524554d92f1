namespace Shelf.Core.Domain;

/// <summary>What a person did for a book. Stored as lower-case text, checked by the database.</summary>
public enum AuthorRole
{
    Author,
    Editor,
    Translator,
    Illustrator,
    Narrator,
    Contributor,
}
