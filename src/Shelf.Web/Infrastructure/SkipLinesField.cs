using System.Globalization;
using Shelf.Core.Common;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// The <c>skipLines</c> form field of an import (the API's and the import page's), as
/// <c>shelf import --skip-lines N</c> takes it: empty is 0; what is not a whole number is a bad
/// request naming the field; a negative number, or more lines than the file's start holds, is
/// refused by the import itself (422, the field named by <see cref="WebHints"/>).
/// </summary>
internal static class SkipLinesField
{
    public const string Name = "skipLines";

    public static Result<int> Read(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return 0;
        }

        return int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var lines)
            ? lines
            : Error.Invalid(WebErrorCodes.BadRequest, $"'{Name}' must be the number of lines before the header (a whole number, 0 or more), not '{UserText.Shorten(trimmed)}'");
    }
}
