using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Accounts;

/// <summary>Creates an API token for a user; the result holds the secret, which is never stored or shown again.</summary>
public sealed class CreateToken(ShelfDbContext db, TimeProvider clock)
{
    public async Task<Result<CreatedToken>> ExecuteAsync(string? user, string? label, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        if (text is { Length: > ApiToken.MaxLabelLength })
        {
            return Error.Invalid(AccountErrorCodes.TokenLabelTooLong, $"a token's label may have at most {ApiToken.MaxLabelLength} characters");
        }

        var found = await UserLookup.FindAsync(db, user, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var secret = TokenSecrets.New();
        var token = new ApiToken
        {
            UserId = found.Value.Id,
            Label = text,
            Prefix = secret[..TokenSecrets.ShownLength],
            Hash = TokenSecrets.HashOf(secret),
            CreatedAt = Sales.SaleRules.Now(clock),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(new TokenView(token.Id, found.Value.Name, token.Label, token.Prefix, token.CreatedAt), secret);
    }
}
