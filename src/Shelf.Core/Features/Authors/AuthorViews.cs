using Shelf.Core.Domain;

namespace Shelf.Core.Features.Authors;

/// <summary>An author in a listing.</summary>
public sealed record AuthorSummary(int Id, string Name, string SortName, int BookCount);

/// <summary>A book as seen from one of its authors.</summary>
public sealed record AuthoredBook(int Id, string Title, int? Year, AuthorRole Role, int Position);

/// <summary>An author and the books they are credited on.</summary>
public sealed record AuthorDetails(
    int Id,
    string Name,
    string SortName,
    string? FirstName,
    string? LastName,
    int BookCount,
    IReadOnlyList<AuthoredBook> Books);
