using Microsoft.AspNetCore.Http;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Accounts;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// Core errors as RFC 9457 problem details: the status from the error's kind (a few codes have
/// their own), the message as <c>detail</c>, the stable code as a <c>code</c> member, so a client
/// branches on the code as a script branches on the CLI's exit code.
/// </summary>
internal static class Problems
{
    // Codes whose status says more than their kind does.
    private static readonly Dictionary<string, int> StatusByCode = new(StringComparer.Ordinal)
    {
        [AccountErrorCodes.LockedOut] = StatusCodes.Status429TooManyRequests,
        [AccountErrorCodes.LoginFailed] = StatusCodes.Status401Unauthorized,
        [AccountErrorCodes.TokenInvalid] = StatusCodes.Status401Unauthorized,
        [DatabaseErrorCodes.Timeout] = StatusCodes.Status503ServiceUnavailable,
        [WebErrorCodes.BadRequest] = StatusCodes.Status400BadRequest,
    };

    public static int StatusOf(Error error) =>
        StatusByCode.TryGetValue(error.Code, out var status)
            ? status
            : error.Kind switch
            {
                ErrorKind.Invalid => StatusCodes.Status422UnprocessableEntity,
                ErrorKind.NotFound => StatusCodes.Status404NotFound,
                ErrorKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status503ServiceUnavailable,
            };

    public static IResult Of(Error error) => Of(StatusOf(error), error.Code, WebHints.Append(error.Message, error.Code));

    public static IResult Of(int status, string code, string detail) =>
        Results.Problem(statusCode: status, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>Writes a problem where no endpoint runs (middleware, authentication events).</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string detail) =>
        Of(status, code, detail).ExecuteAsync(context);
}
