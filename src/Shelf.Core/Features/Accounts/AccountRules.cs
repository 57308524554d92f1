using System.Globalization;
using Shelf.Core.Common;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Accounts;

/// <summary>What a user name, a role and a password must be, with the same messages for every host.</summary>
public static class AccountRules
{
    public const int MinPasswordLength = 8;

    // Long enough for any pass phrase; short enough that hashing it costs nothing extra.
    public const int MaxPasswordLength = 1024;

    /// <summary>
    /// A user name is what a person types at the login form and in a shell: letters, digits and
    /// <c>. _ - @</c>, no spaces, at most <see cref="User.MaxNameLength"/> characters. Returns
    /// the name as written and its key (lower case).
    /// </summary>
    public static Result<(string Name, string Key)> ParseName(string? text)
    {
        var name = (text ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            return Error.Invalid(AccountErrorCodes.NameInvalid, "a user name is required");
        }

        if (name.Length > User.MaxNameLength)
        {
            return Error.Invalid(AccountErrorCodes.NameInvalid, $"user name '{UserText.Shorten(name)}' is longer than {User.MaxNameLength} characters");
        }

        if (!name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
        {
            return Error.Invalid(AccountErrorCodes.NameInvalid, $"user name '{UserText.Shorten(name)}' may hold only letters, digits and . _ - @");
        }

        return (name, name.Normalize(System.Text.NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture));
    }

    public static Result<UserRole> ParseRole(string? text) =>
        Enum.TryParse<UserRole>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(text, out _)
            ? role
            : Error.Invalid(AccountErrorCodes.RoleInvalid, $"'{UserText.Shorten(text)}' is not a role; use owner, editor or viewer");

    public static Error? CheckPassword(string? password)
    {
        if (password is null || password.Length < MinPasswordLength)
        {
            return Error.Invalid(AccountErrorCodes.PasswordTooShort, $"a password needs at least {MinPasswordLength} characters");
        }

        return password.Length > MaxPasswordLength
            ? Error.Invalid(AccountErrorCodes.PasswordTooLong, $"a password may have at most {MaxPasswordLength} characters")
            : null;
    }

    /// <summary>The lower-case form a role is stored and shown in.</summary>
    public static string Display(UserRole role) => role.ToString().ToLowerInvariant();
}
