namespace Shelf.Core.Common;

/// <summary>
/// The stable codes of the errors about the host's own settings (a default currency).
/// Hosts key their hints and status mappings on these constants, so a renamed or mistyped
/// code fails the build instead of a user.
/// </summary>
public static class ConfigurationErrorCodes
{
    public const string CurrencyInvalid = "config.currency_invalid";
}
