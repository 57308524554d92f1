namespace Shelf.Core.Features.Shelves;

/// <summary>
/// The stable codes of the errors about shelves.
/// Hosts key their hints and status mappings on these constants, so a renamed or mistyped
/// code fails the build instead of a user.
/// </summary>
public static class ShelfErrorCodes
{
    public const string BookNotOnIt = "shelf.book_not_on_it";
    public const string NameEmpty = "shelf.name_empty";
    public const string NameTooLong = "shelf.name_too_long";
}
