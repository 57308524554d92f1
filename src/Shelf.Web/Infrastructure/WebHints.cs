using Shelf.Core.Features.Catalog;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// The web way to fix an error, as <c>CliHints</c> is the command line's: the core's messages
/// name no form field, so the fields a client sets are named here, keyed by the error's code.
/// </summary>
internal static class WebHints
{
    public static string? For(string code) => code switch
    {
        CatalogErrorCodes.SkipTooFar => "set the form field 'skipLines' to the number of lines before the header (0 for none)",
        _ => null,
    };

    /// <summary>The message with its hint.</summary>
    public static string Append(string message, string code) => For(code) is { } hint ? $"{message}; {hint}" : message;
}
