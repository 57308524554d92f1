using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shelf.Testing;

namespace Shelf.Web.Tests;

/// <summary>
/// Every endpoint is either on the short public list or needs a role; each refuses a request
/// without credentials and a viewer's writes; headers, encoding and limits hold. SQLite only:
/// none of this depends on the database.
/// </summary>
public sealed class SecurityTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    // What anyone may reach: the health check, logging in, the stylesheet and the API's description.
    private static readonly string[] PublicRoutes =
        ["GET /health", "GET /login", "POST /login", "GET /assets/site.css", "GET /assets/scalar.js", "GET /assets/api-reference.js", "GET /api-reference", "GET /openapi/{documentName}.json"];

    private static readonly string[] WriteMethods = ["POST", "PATCH", "PUT", "DELETE"];

    [Fact]
    public async Task EveryEndpoint_IsPublicOnPurposeOrNeedsAPolicy_AndRefusesNoCredentialsAndViewerWrites()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var endpoints = Endpoints(site);
        var anonymous = site.Client();
        var viewer = site.Client("viewer");

        Assert.Contains(endpoints, e => e.Route == "GET /api/v1/books");
        foreach (var (route, endpoint) in endpoints)
        {
            var allowsAnonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (PublicRoutes.Contains(route))
            {
                continue;
            }

            Assert.False(allowsAnonymous, $"{route} allows anonymous requests but is not on the public list");
            Assert.True(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null), $"{route} names no policy");

            var (method, path) = Split(route);
            var plain = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = WriteMethods.Contains(method) ? BodyFor(endpoint) : null });
            Assert.True(
                plain.StatusCode == HttpStatusCode.Unauthorized || (plain.StatusCode == HttpStatusCode.Redirect && plain.Headers.Location!.AbsolutePath == "/login"),
                $"{route} without credentials answered {(int)plain.StatusCode}");

            if (WriteMethods.Contains(method) && path.StartsWith("/api/", StringComparison.Ordinal))
            {
                var asViewer = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = BodyFor(endpoint) });
                Assert.True(asViewer.StatusCode == HttpStatusCode.Forbidden, $"{route} as a viewer answered {(int)asViewer.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task EveryApiEndpoint_IsInTheOpenApiDocument()
    {
        await using var site = await WebSite.StartAsync(fixture);

        var document = await site.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var api = Endpoints(site).Select(e => e.Route).Where(r => r.Contains(" /api/", StringComparison.Ordinal) || r == "GET /health").ToList();
        Assert.NotEmpty(api);
        Assert.All(api, route => Assert.Contains(route, described));
        Assert.Equal("3.1.1", document.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        await using var site = await WebSite.StartAsync(fixture);

        var response = await site.Client().GetAsync("/login");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task UserText_IsEncodedInPages()
    {
        await using var site = await WebSite.StartAsync(fixture);
        await site.Client("editor").PostAsJsonAsync("/api/v1/books", new { title = "<script>alert(1)</script>", authors = new[] { "Ann \"Quote\" <b>Writer</b>" } });
        var browser = site.Client(cookies: new CookieContainer());
        await SignInTests.LogInAsync(browser, "viewer", WebSite.Password);

        var page = await browser.GetStringAsync("/?q=" + Uri.EscapeDataString("<img src=x onerror=alert(1)>"));
        var list = await browser.GetStringAsync("/");

        Assert.DoesNotContain("<script>alert(1)</script>", list, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Writer</b>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyLargerThanTheLimit_IsA413Problem_AndAddsNothing()
    {
        await using var site = await WebSite.StartAsync(fixture, configure: o => o.MaxUploadBytes = 1024);
        var editor = site.Client("editor");
        var body = JsonSerializer.Serialize(new { title = new string('x', 4096), authors = new[] { "Ann Writer" } });

        var response = await editor.PostAsync("/api/v1/books", new StringContent(body, Encoding.UTF8, "application/json"));
        var list = await editor.GetFromJsonAsync<JsonElement>("/api/v1/books");

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "request.too_large"), await BookApiTests.StatusAndCodeAsync(response));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PageFormPost_WithoutTheAntiforgeryToken_IsRefused_AndAddsNothing()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var browser = site.Client(cookies: new CookieContainer());
        await SignInTests.LogInAsync(browser, "editor", WebSite.Password);

        var response = await browser.PostAsync("/books/new", new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "Forged", ["authors"] = "Ann Writer" }));
        var list = await site.Client("viewer").GetFromJsonAsync<JsonElement>("/api/v1/books");

        Assert.Equal((HttpStatusCode.BadRequest, "request.antiforgery"), await BookApiTests.StatusAndCodeAsync(response));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task UnknownApiPath_IsA404Problem_ForASignedInClient()
    {
        await using var site = await WebSite.StartAsync(fixture);

        var response = await site.Client("viewer").GetAsync("/api/v1/nothing-here");

        Assert.Equal((HttpStatusCode.NotFound, "request.not_found"), await BookApiTests.StatusAndCodeAsync(response));
    }

    private static List<(string Route, RouteEndpoint Endpoint)> Endpoints(WebSite site) =>
        site.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => ($"{m} /{e.RoutePattern.RawText!.Trim('/')}", e)))
            .ToList();

    // A route's parameters filled with a value that exists nowhere.
    private static (string Method, string Path) Split(string route)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var path = System.Text.RegularExpressions.Regex.Replace(route[(space + 1)..], "\\{[^}]+\\}", "1");
        return (route[..space], path);
    }

    // A body of the type the endpoint reads, so the request reaches authorization instead of a 415.
    private static HttpContent BodyFor(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true
            ? new MultipartFormDataContent { { new ByteArrayContent("title\nx\n"u8.ToArray()), "file", "books.csv" } }
            : new StringContent("{}", Encoding.UTF8, "application/json");
}
