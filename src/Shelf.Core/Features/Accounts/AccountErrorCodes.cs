namespace Shelf.Core.Features.Accounts;

/// <summary>
/// The stable codes of the errors about users, logins and API tokens.
/// Hosts key their hints and status mappings on these constants.
/// </summary>
public static class AccountErrorCodes
{
    public const string NameInvalid = "user.name_invalid";
    public const string NameTaken = "user.name_taken";
    public const string NotFound = "user.not_found";
    public const string RoleInvalid = "user.role_invalid";
    public const string PasswordTooShort = "user.password_too_short";
    public const string PasswordTooLong = "user.password_too_long";
    public const string LastOwner = "user.last_owner";
    public const string LoginFailed = "login.failed";
    public const string LockedOut = "login.locked_out";
    public const string TokenNotFound = "token.not_found";
    public const string TokenLabelTooLong = "token.label_too_long";
    public const string TokenInvalid = "token.invalid";
}
