using Shelf.Core.Common;

namespace Shelf.Core.Features.Books;

/// <summary>Errors more than one book use case returns.</summary>
public static class BookErrors
{
    public static Error NotFound(string reference) =>
        Error.NotFound(BookErrorCodes.NotFound, $"no book with id or ISBN '{UserText.Shorten(reference)}'");
}
