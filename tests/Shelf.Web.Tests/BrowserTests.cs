using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shelf.Testing;
using Xunit.Abstractions;

namespace Shelf.Web.Tests;

/// <summary>
/// The pages in a real Chromium (Debian's, driven by Playwright): an editor logs in, searches,
/// adds a book, edits it, imports a file and downloads its rejects, records a sale and logs out,
/// with a screenshot of each step under TestResults/browser. No page breaks the
/// Content-Security-Policy along the way.
/// </summary>
public sealed class BrowserTests(SqliteDatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteDatabaseFixture>
{
    // Arriving at a page is its address (polled) and then its main element: Playwright's WaitForURL
    // also waits for a load state, and twice in CI it timed out at 30 s on a page that had arrived
    // with no request left open ("load" after the log-in redirect; "domcontentloaded" at /sales after
    // recording a sale). The assertions that follow wait for the elements they read, and every
    // request still open when a step fails is written to the test output. The patterns run in the
    // browser, which takes no .NET-only regex options.
    private static readonly Regex BookPage = new(@"/books/[0-9]+$");

    private static readonly Regex SalesPage = new(@"/sales$");

    private static readonly Regex LoginPage = new(@"/login$");

    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static readonly string Screenshots = Path.Combine(RepositoryPaths.Root, "TestResults", "browser");

    [Fact]
    public async Task Editor_LogsIn_Searches_AddsAndEditsABook_Imports_RecordsASale_LogsOut()
    {
        Assert.True(File.Exists(Chromium), $"the browser tests need {Chromium} (apt-get install chromium); .ci/run installs it");
        await using var site = await WebSite.StartAsync(fixture);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ChromiumArgs, Headless = true });
        var context = await browser.NewContextAsync(new() { BaseURL = site.Address.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var open = new RequestsInFlight(page);
        try
        {
            await WalkThroughAsync(site, page);
        }
        catch
        {
            output.WriteLine($"failed at {page.Url}; requests still open: {open.Describe()}");
            await ShotAsync(page, "failure");
            throw;
        }
    }

    private static async Task WalkThroughAsync(WebSite site, IPage page)
    {
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(message.Text);
            }
        };

        // Log in.
        await page.GotoAsync("/login");
        await page.GetByLabel("User name", new() { Exact = true }).FillAsync("editor");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(WebSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await ArriveAsync(page, new Regex("^" + Regex.Escape(site.Address.ToString()) + "$"));
        await ShotAsync(page, "1-library");

        // Add a book, then edit it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a book" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("The Left Hand of Darkness");
        await page.GetByLabel("Authors, one per line", new() { Exact = true }).FillAsync("Ursula K. Le Guin");
        await page.GetByLabel("Pages", new() { Exact = true }).FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        Assert.Contains("pages must be a whole number, not 'abc'", await page.Locator("p.error").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "2-add-refused");
        await page.GetByLabel("Pages", new() { Exact = true }).FillAsync("304");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await ArriveAsync(page, BookPage);
        Assert.Equal("The Left Hand of Darkness", await page.Locator("h1").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Pages", new() { Exact = true }).FillAsync("320");
        await page.GetByLabel("Status", new() { Exact = true }).FillAsync("read");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await ArriveAsync(page, BookPage);
        var fields = await page.Locator("dl.fields").InnerTextAsync();
        Assert.Contains("320", fields, StringComparison.Ordinal);
        await ShotAsync(page, "3-book");
        var bookUrl = page.Url;

        // The author's page lists the book; renaming the author there shows on the book.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ursula K. Le Guin" }).ClickAsync();
        Assert.Equal("Ursula K. Le Guin", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "The Left Hand of Darkness" }).CountAsync());
        await page.GetByLabel("Name as it should be written", new() { Exact = true }).FillAsync("Ursula Kroeber Le Guin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        Assert.Equal("Ursula Kroeber Le Guin", await page.Locator("h1").InnerTextAsync());
        await ShotAsync(page, "3b-author");

        // Search for it with the search language.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Searchbox).FillAsync("author:\"le guin\"");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "The Left Hand of Darkness" }).CountAsync());
        await ShotAsync(page, "4-search");

        // Import a file with a rejected row, download the rejects, then import it.
        var file = Path.Combine(Path.GetTempPath(), $"shelf-browser-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "title,number_of_pages,first_name,last_name\n1984,326,George,Orwell\n,9,Nobody,Here\n");
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
            await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            Assert.Contains("1 would be added", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await ShotAsync(page, "5-import-check");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the 1 rejected rows (CSV)" }).ClickAsync());
            var rejects = await File.ReadAllTextAsync(await download.PathAsync());
            Assert.Contains(",9,Nobody,Here", rejects, StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import it" }).ClickAsync();
            Assert.Contains("1 added", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await page.GotoAsync("/");
            Assert.Equal(2, await page.Locator("tbody tr").CountAsync());
            await ShotAsync(page, "5-library-after-import");
        }
        finally
        {
            File.Delete(file);
        }

        // Record a sale of the book.
        await page.GotoAsync("/sales?book=" + bookUrl[(bookUrl.LastIndexOf('/') + 1)..]);
        await page.GetByLabel("Quantity", new() { Exact = true }).FillAsync("2");
        await page.GetByLabel("Price each", new() { Exact = true }).FillAsync("9.99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await ArriveAsync(page, SalesPage);
        Assert.Contains("19.98", await page.Locator("table").First.InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "6-sales");

        // The API reference renders from the site's own files.
        await page.GetByRole(AriaRole.Link, new() { Name = "API", Exact = true }).ClickAsync();
        await page.GetByText("/api/v1/books").First.WaitForAsync();
        await ShotAsync(page, "7-api-reference");
        await page.GoBackAsync();

        // Log out.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await ArriveAsync(page, LoginPage);
        await page.GotoAsync("/");
        Assert.EndsWith("/login?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);

        Assert.Empty(blocked);
    }

    /// <summary>The page's requests that have started and neither finished nor failed, with their age.</summary>
    private sealed class RequestsInFlight
    {
        private readonly Dictionary<IRequest, DateTime> _open = [];

        public RequestsInFlight(IPage page)
        {
            page.Request += (_, request) => { lock (_open) { _open[request] = DateTime.UtcNow; } };
            page.RequestFinished += (_, request) => { lock (_open) { _open.Remove(request); } };
            page.RequestFailed += (_, request) => { lock (_open) { _open.Remove(request); } };
        }

        public string Describe()
        {
            lock (_open)
            {
                return _open.Count == 0 ? "none" : string.Join(", ", _open.Select(entry => $"{entry.Key.Method} {entry.Key.Url} ({(DateTime.UtcNow - entry.Value).TotalSeconds:0.0} s)"));
            }
        }
    }

    private static async Task ArriveAsync(IPage page, Regex address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = 30_000 });
        await page.Locator("main").WaitForAsync();
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }
}
