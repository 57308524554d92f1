using Shelf.Core.Domain;

namespace Shelf.Core.Features.Books;

/// <summary>A name as the user typed it and what that person did for the book.</summary>
public sealed record AuthorCredit(string Name, AuthorRole Role = AuthorRole.Author);
