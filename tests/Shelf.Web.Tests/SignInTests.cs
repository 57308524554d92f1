using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shelf.Core.Features.Accounts;
using Shelf.Testing;

namespace Shelf.Web.Tests;

/// <summary>Logging in with the form, sessions, tokens and roles, on both databases.</summary>
public abstract partial class SignInTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Login_GoodPassword_SetsAnHttpOnlyLaxCookie_AndRedirectsToTheLibrary()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var cookies = new CookieContainer();
        var browser = site.Client(cookies: cookies);

        var response = await LogInAsync(browser, "editor", WebSite.Password);
        var library = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("shelf_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.Contains("<title>Library · Shelf</title>", await library.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsTheFormAgainWithTheMessage_AndNoCookie()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var browser = site.Client(cookies: new CookieContainer());

        var response = await LogInAsync(browser, "editor", "not it at all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("wrong user name or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("shelf_session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_WithoutTheAntiforgeryToken_IsRefused()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var browser = site.Client(cookies: new CookieContainer());

        var response = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "editor", ["password"] = WebSite.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("shelf_session", string.Join(';', response.Headers.TryGetValues("Set-Cookie", out var set) ? set : []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ReturnUrlToAnotherSite_GoesHomeInstead()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var browser = site.Client(cookies: new CookieContainer());

        var response = await LogInAsync(browser, "viewer", WebSite.Password, returnUrl: "//evil.example/");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Session_EndsWhenThePasswordChanges()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var browser = site.Client(cookies: new CookieContainer());
        await LogInAsync(browser, "viewer", WebSite.Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/books")).StatusCode);

        await using (var db = await DatabaseFixture.OpenAsync(site.Target))
        {
            await new ChangePassword(db).ExecuteAsync("viewer", "another pass phrase", default);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/books")).StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var browser = site.Client(cookies: new CookieContainer());
        await LogInAsync(browser, "viewer", WebSite.Password);
        var form = await browser.GetStringAsync("/");

        var loggedOut = await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenIn(form) }));

        Assert.Equal("/login", loggedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/books")).StatusCode);
    }

    [Fact]
    public async Task Lockout_AfterFiveWrongPasswords_EvenTheRightOneIsRefusedWith429()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var browser = site.Client(cookies: new CookieContainer());
        for (var i = 0; i < 5; i++)
        {
            await LogInAsync(browser, "editor", "guess number " + i);
        }

        var locked = await LogInAsync(browser, "editor", WebSite.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("too many failed logins", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_EachRoleGetsWhatItMay()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var book = new { title = "Emma", authors = new[] { "Jane Austen" } };

        var byViewer = await site.Client("viewer").PostAsJsonAsync("/api/v1/books", book);
        var byEditor = await site.Client("editor").PostAsJsonAsync("/api/v1/books", book);
        var read = await site.Client("viewer").GetFromJsonAsync<JsonElement>("/api/v1/books");
        var anonymous = await site.Client().GetAsync("/api/v1/books");
        var wrongScheme = site.Client();
        wrongScheme.DefaultRequestHeaders.Add("Authorization", "Basic dXNlcjpwYXNz");
        var basic = await wrongScheme.GetAsync("/api/v1/books");

        Assert.Equal((HttpStatusCode.Forbidden, "auth.forbidden"), await BookApiTests.StatusAndCodeAsync(byViewer));
        Assert.Equal(HttpStatusCode.Created, byEditor.StatusCode);
        Assert.Equal(1, read.GetProperty("total").GetInt32());
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.required"), await BookApiTests.StatusAndCodeAsync(anonymous));
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.Equal((HttpStatusCode.Unauthorized, "token.invalid"), await BookApiTests.StatusAndCodeAsync(basic));
    }

    [Fact]
    public async Task Token_Revoked_IsRefusedOnTheNextRequest()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var viewer = site.Client("viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/books")).StatusCode);

        await using (var db = await DatabaseFixture.OpenAsync(site.Target))
        {
            var tokens = (await new ListTokens(db).ExecuteAsync("viewer", default)).Value!;
            await new RevokeToken(db).ExecuteAsync(tokens.Single().Id, default);
        }

        Assert.Equal((HttpStatusCode.Unauthorized, "token.invalid"), await BookApiTests.StatusAndCodeAsync(await viewer.GetAsync("/api/v1/books")));
    }

    [Fact]
    public async Task Public_AnyoneReads_ButChangesStillNeedAnEditor()
    {
        await using var site = await WebSite.StartAsync(fixture, configure: o => o.Public = true);
        var anonymous = site.Client();

        var read = await anonymous.GetAsync("/api/v1/books");
        var write = await anonymous.PostAsJsonAsync("/api/v1/books", new { title = "Emma", authors = new[] { "Jane Austen" } });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }

    [Fact]
    public async Task TwoProcessesOnOneLibrary_AcceptEachOthersCookies()
    {
        await using var first = await WebSite.StartAsync(fixture);
        await using var second = await first.StartAnotherAsync();
        var cookies = new CookieContainer();
        await LogInAsync(first.Client(cookies: cookies), "viewer", WebSite.Password);

        // The same cookie, sent to the other process's port.
        var session = cookies.GetCookies(first.Address)["shelf_session"]!;
        var other = second.Client();
        other.DefaultRequestHeaders.Add("Cookie", $"shelf_session={session.Value}");
        var response = await other.GetAsync("/api/v1/books");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NoOwnerYet_OnlyHealthAnswers_AndTheGateOpensOnceOneExists()
    {
        await using var site = await WebSite.StartAsync(fixture, withUsers: false);
        var client = site.Client();

        var health = await client.GetAsync("/health");
        var before = await client.GetAsync("/login");
        await using (var db = await DatabaseFixture.OpenAsync(site.Target))
        {
            await new AddUser(db, TimeProvider.System).ExecuteAsync(new AddUserRequest("ann", "owner", WebSite.Password), default);
        }

        var after = await client.GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var problem = await Problem.ReadAsync(before);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "site.no_owner"), (problem.Status, problem.Code));
        Assert.Contains("shelf user add NAME --role owner", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task OwnerPage_AddsAUserWhoCanThenLogIn_AndIsOnlyForOwners()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var owner = site.Client(cookies: new CookieContainer());
        await LogInAsync(owner, "owner", WebSite.Password);
        var page = await owner.GetStringAsync("/users");

        var added = await owner.PostAsync("/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "dora", ["role"] = "editor", ["password"] = "a long pass phrase", ["__RequestVerificationToken"] = TokenIn(page),
        }));
        var refused = await owner.PostAsync("/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "eve", ["role"] = "editor", ["password"] = "short", ["__RequestVerificationToken"] = TokenIn(page),
        }));
        var dora = site.Client(cookies: new CookieContainer());
        var login = await LogInAsync(dora, "dora", "a long pass phrase");
        var editor = site.Client(cookies: new CookieContainer());
        await LogInAsync(editor, "editor", WebSite.Password);
        using var asEditor = new HttpRequestMessage(HttpMethod.Get, "/users");
        asEditor.Headers.Accept.ParseAdd("text/html");
        var forbidden = await editor.SendAsync(asEditor);

        Assert.Contains("<td>viewer</td>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"viewer\" selected>viewer</option>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("a password needs at least 8 characters", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("text/html", forbidden.Content.Headers.ContentType!.MediaType);
        Assert.Contains("your role (editor) may not do this", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> LogInAsync(HttpClient browser, string user, string password, string? returnUrl = null)
    {
        var form = await browser.GetStringAsync("/login");
        var fields = new Dictionary<string, string> { ["username"] = user, ["password"] = password, ["__RequestVerificationToken"] = TokenIn(form) };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return await browser.PostAsync("/login", new FormUrlEncodedContent(fields));
    }

    internal static string TokenIn(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public sealed class Sqlite(SqliteDatabaseFixture db) : SignInTests(db), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture db) : SignInTests(db), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture db) : SignInTests(db), IClassFixture<MySqlDatabaseFixture>;
}
