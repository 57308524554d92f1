using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Core.Features.Accounts;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Pages;

/// <summary>The owner's page at <c>/users</c>: users and their roles, API tokens (a new secret shown once), with the CLI's rules and messages.</summary>
internal static class AccountPages
{
    public static void MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/users", (HttpContext context, ListUsers users, ListTokens tokens, CancellationToken cancellationToken) => PageAsync(context, users, tokens, null, null, StatusCodes.Status200OK, cancellationToken))
            .RequireAuthorization(Policies.Manage).AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/users", AddAsync).RequireAuthorization(Policies.Manage).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/users/{user}/role", RoleAsync).RequireAuthorization(Policies.Manage).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/users/{user}/remove", RemoveAsync).RequireAuthorization(Policies.Manage).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/tokens", CreateTokenAsync).RequireAuthorization(Policies.Manage).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/tokens/{token:int}/revoke", RevokeAsync).RequireAuthorization(Policies.Manage).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
    }

    private static async Task<IResult> AddAsync(HttpContext context, AddUser add, ListUsers users, ListTokens tokens, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var added = await add.ExecuteAsync(new AddUserRequest(Forms.Value(form, "name"), Forms.Value(form, "role"), Forms.Value(form, "password")), cancellationToken);
        return added.IsSuccess
            ? Results.Redirect("/users")
            : await PageAsync(context, users, tokens, added.Error!.Message, null, Problems.StatusOf(added.Error), cancellationToken);
    }

    private static async Task<IResult> RoleAsync(HttpContext context, string user, ChangeUserRole change, ListUsers users, ListTokens tokens, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var changed = await change.ExecuteAsync(user, Forms.Value(form, "role"), cancellationToken);
        return changed.IsSuccess
            ? Results.Redirect("/users")
            : await PageAsync(context, users, tokens, changed.Error!.Message, null, Problems.StatusOf(changed.Error), cancellationToken);
    }

    private static async Task<IResult> RemoveAsync(HttpContext context, string user, RemoveUser remove, ListUsers users, ListTokens tokens, CancellationToken cancellationToken)
    {
        var removed = await remove.ExecuteAsync(user, cancellationToken);
        return removed.IsSuccess
            ? Results.Redirect("/users")
            : await PageAsync(context, users, tokens, removed.Error!.Message, null, Problems.StatusOf(removed.Error), cancellationToken);
    }

    private static async Task<IResult> CreateTokenAsync(HttpContext context, CreateToken create, ListUsers users, ListTokens tokens, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var created = await create.ExecuteAsync(Forms.Value(form, "user"), Forms.Value(form, "label"), cancellationToken);
        return created.IsSuccess
            ? await PageAsync(context, users, tokens, null, created.Value, StatusCodes.Status200OK, cancellationToken)
            : await PageAsync(context, users, tokens, created.Error!.Message, null, Problems.StatusOf(created.Error), cancellationToken);
    }

    private static async Task<IResult> RevokeAsync(HttpContext context, int token, RevokeToken revoke, ListUsers users, ListTokens tokens, CancellationToken cancellationToken)
    {
        var revoked = await revoke.ExecuteAsync(token, cancellationToken);
        return revoked.IsSuccess
            ? Results.Redirect("/users")
            : await PageAsync(context, users, tokens, revoked.Error!.Message, null, Problems.StatusOf(revoked.Error), cancellationToken);
    }

    private static async Task<IResult> PageAsync(HttpContext context, ListUsers listUsers, ListTokens listTokens, string? error, CreatedToken? created, int status, CancellationToken cancellationToken)
    {
        var users = await listUsers.ExecuteAsync(cancellationToken);
        var tokens = (await listTokens.ExecuteAsync(null, cancellationToken)).Value ?? [];
        var body = Forms.Builder("Users and tokens").Append(Forms.Error(error));
        if (created is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p role=\"status\">New token for {Html.Encode(created.Token.User)}, shown only now: <code class=\"secret\">{Html.Encode(created.Secret)}</code></p>");
        }

        body.Append("<h2>Users</h2><table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Role</th><th scope=\"col\" class=\"hide-small\">Locked until</th><th scope=\"col\"></th></tr></thead><tbody>");
        foreach (var user in users)
        {
            var name = Uri.EscapeDataString(user.Name);
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Encode(user.Name)}</td><td>")
                .Append(Forms.Open(context, $"/users/{name}/role", layout: "inline"))
                .Append(CultureInfo.InvariantCulture, $"<label class=\"visually-hidden\" for=\"role-{name}\">Role of {Html.Encode(user.Name)}</label>{RoleSelect($"role-{name}", user.Role)}<button type=\"submit\">Change</button></form></td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"hide-small\">{user.LockedUntil?.ToString("u", CultureInfo.InvariantCulture)}</td><td>")
                .Append(Forms.Open(context, $"/users/{name}/remove", layout: "inline"))
                .Append(CultureInfo.InvariantCulture, $"<button class=\"danger\" type=\"submit\" aria-label=\"Remove {Html.Encode(user.Name)}\">Remove</button></form></td></tr>");
        }

        body.Append("</tbody></table><h2>Add a user</h2>")
            .Append(Forms.Open(context, "/users"))
            .Append(Forms.Field("name", "Name", null, required: true, hint: "letters, digits and . _ - @"))
            .Append("<div class=\"field\"><label for=\"f-role\">Role</label>").Append(RoleSelect("f-role", "viewer")).Append("</div>")
            .Append(Forms.Field("password", "Password", null, "password", required: true, hint: $"at least {AccountRules.MinPasswordLength} characters"))
            .Append("<button type=\"submit\">Add</button></form>");

        body.Append("<h2>API tokens</h2>");
        if (tokens.Count > 0)
        {
            body.Append("<table><thead><tr><th scope=\"col\">Id</th><th scope=\"col\">User</th><th scope=\"col\">Label</th><th scope=\"col\">Starts with</th><th scope=\"col\"></th></tr></thead><tbody>");
            foreach (var token in tokens)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{token.Id}</td><td>{Html.Encode(token.User)}</td><td>{Html.Encode(token.Label)}</td><td><code>{Html.Encode(token.Prefix)}…</code></td><td>")
                    .Append(Forms.Open(context, $"/tokens/{token.Id}/revoke", layout: "inline"))
                    .Append(CultureInfo.InvariantCulture, $"<button class=\"danger\" type=\"submit\" aria-label=\"Revoke token {token.Id}\">Revoke</button></form></td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append(Forms.Open(context, "/tokens"))
            .Append(Forms.Field("user", "For user", null, required: true))
            .Append(Forms.Field("label", "Label", null, hint: "what it is for, e.g. backup script"))
            .Append("<button type=\"submit\">Create a token</button></form>");
        return Html.Page(context, "Users and tokens", body.ToString(), status);
    }

    private static string RoleSelect(string id, string current)
    {
        var select = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<select id=\"{id}\" name=\"role\">");
        foreach (var role in new[] { "viewer", "editor", "owner" })
        {
            select.Append(CultureInfo.InvariantCulture, $"<option value=\"{role}\"{(role == current ? " selected" : string.Empty)}>{role}</option>");
        }

        return select.Append("</select>").ToString();
    }
}
