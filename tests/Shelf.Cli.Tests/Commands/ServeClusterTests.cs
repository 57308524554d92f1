using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// Two <c>shelf serve</c> processes on one PostgreSQL library are one site: a session cookie
/// one issues is accepted by the other (Data Protection keys in the library), and an import job
/// started on one is followed to its end on the other (its state in the library).
/// </summary>
public sealed partial class ServeClusterTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task TwoProcesses_AcceptEachOthersLogin_AndAnswerForEachOthersImportJobs()
    {
        var target = await fixture.NewDatabaseAsync();
        var tokens = await SiteUsers.AddAsync(target);
        var db = CliDatabase.DbArgument(target);
        var starting = new[] { ServeProcess.StartAsync(db), ServeProcess.StartAsync(db) };
        using var first = await starting[0];
        using var second = await starting[1];

        // Logging in on the first: the form, with its antiforgery token and cookie.
        var cookies = new CookieContainer();
        var browser = first.Client(cookies: cookies);
        var form = await browser.GetStringAsync("/login");
        var login = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "editor",
            ["password"] = SiteUsers.Password,
            ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
        }));
        var session = cookies.GetCookies(first.Address)["shelf_session"];

        // The same cookie, sent to the other process's port.
        var other = second.Client();
        var withoutCookie = await other.GetAsync("/api/v1/books");
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/api/v1/books");
        withCookie.Headers.Add("Cookie", $"shelf_session={session?.Value}");
        var accepted = await other.SendAsync(withCookie);

        // An import job started on the first, followed on the second.
        var job = await ServeProcess.StartImportJobAsync(first.Client(tokens["editor"]), Path.Combine(RepositoryPaths.Root, "data", "library_data.csv"));
        var poller = second.Client(tokens["editor"]);
        JsonElement polled;
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((polled = await ServeProcess.GetJobAsync(poller, job)).GetProperty("state").GetString() is "queued" or "running")
        {
            Assert.True(DateTime.UtcNow < deadline, $"the job never ended: {polled}");
            await Task.Delay(25);
        }

        var books = await poller.GetFromJsonAsync<JsonElement>("/api/v1/books?limit=1");

        Assert.NotEqual(first.Address.Port, second.Address.Port);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.NotNull(session);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCookie.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("succeeded", polled.GetProperty("state").GetString());
        Assert.Equal(50, polled.GetProperty("summary").GetProperty("added").GetInt32());
        Assert.Equal(50, books.GetProperty("total").GetInt32());
        Assert.Equal((0, 0), (await first.StopAsync(), await second.StopAsync()) switch { var (a, b) => (a.ExitCode, b.ExitCode) });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
