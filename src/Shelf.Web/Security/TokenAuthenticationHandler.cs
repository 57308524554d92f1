using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shelf.Core.Common;
using Shelf.Core.Features.Accounts;
using Shelf.Web.Infrastructure;

namespace Shelf.Web.Security;

/// <summary>
/// <c>Authorization: Bearer shelf_...</c>: the request acts as the token's user. A refused token
/// is a 401 problem naming why; a role too low, a 403 naming the role needed.
/// </summary>
internal sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "token";

    private Error? _refused;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            _refused = Error.Invalid(AccountErrorCodes.TokenInvalid, "send the API token as 'Authorization: Bearer <token>'");
            return AuthenticateResult.Fail(_refused.Message);
        }

        var library = Context.RequestServices.GetRequiredService<LibraryRequest>();
        if (await library.ReadyAsync(Context.RequestAborted) is { } unavailable)
        {
            _refused = unavailable;
            return AuthenticateResult.Fail(unavailable.Message);
        }

        var user = await Context.RequestServices.GetRequiredService<AuthenticateToken>().ExecuteAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (!user.IsSuccess)
        {
            _refused = user.Error;
            return AuthenticateResult.Fail(user.Error!.Message);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(ShelfPrincipal.Create(user.Value, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return _refused is { } error && Problems.StatusOf(error) != StatusCodes.Status401Unauthorized
            ? Problems.Of(error).ExecuteAsync(Context)
            : Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, _refused?.Code ?? WebErrorCodes.NotAuthenticated, _refused?.Message ?? "log in or send an API token as 'Authorization: Bearer <token>'");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Forbidden.WriteAsync(Context);
}
