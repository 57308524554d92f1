using Shelf.Core.Common;

namespace Shelf.Core.Features.Books;

/// <summary>Errors more than one book use case returns.</summary>
public static class BookErrors
{
    public static Error NotFound(string reference) =>
        Error.NotFound("book.not_found", $"no book with id or ISBN '{BookRules.Shorten(reference)}'; find it with 'shelf search' or 'shelf list'");
}
