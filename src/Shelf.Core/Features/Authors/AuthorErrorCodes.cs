namespace Shelf.Core.Features.Authors;

/// <summary>
/// The stable codes of the errors about authors.
/// Hosts key their hints and status mappings on these constants, so a renamed or mistyped
/// code fails the build instead of a user.
/// </summary>
public static class AuthorErrorCodes
{
    public const string MergeSelf = "author.merge_self";
    public const string NameInvalid = "author.name_invalid";
    public const string NameTaken = "author.name_taken";
    public const string NotFound = "author.not_found";
}
