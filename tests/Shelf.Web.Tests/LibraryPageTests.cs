using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shelf.Testing;

namespace Shelf.Web.Tests;

/// <summary>The library page's sort and paging, a book's page with its sales, the sales and export pages, on both databases.</summary>
public abstract partial class LibraryPageTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Library_SortedByYearReversed_NewestFirst_AndTheNextPageKeepsTheOrder()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        for (var year = 1950; year < 2005; year++)
        {
            (await editor.PostAsJsonAsync("/api/v1/books", new { title = $"Book of {year}", authors = new[] { "Ann Author" }, year })).EnsureSuccessStatusCode();
        }

        var viewer = site.Client("viewer");
        var first = await viewer.GetStringAsync("/?sort=year&desc=true");
        var next = NextLink().Match(first).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var second = await viewer.GetStringAsync(next);

        Assert.Equal(["Book of 2004", "Book of 2003", "Book of 2002"], Titles(first).Take(3));
        Assert.Equal(50, Titles(first).Count);
        Assert.Contains("<option value=\"year\" selected>", first, StringComparison.Ordinal);
        Assert.Contains("name=\"desc\" value=\"true\" checked", first, StringComparison.Ordinal);
        Assert.Equal("/?q=&sort=year&desc=true&offset=50", next);
        Assert.Equal(["Book of 1954", "Book of 1953", "Book of 1952", "Book of 1951", "Book of 1950"], Titles(second));
    }

    [Fact]
    public async Task Library_SearchSortedByTitle_InTitleOrder()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        foreach (var title in new[] { "Zebra River", "Apple River", "Mango River", "Mango Hill" })
        {
            (await editor.PostAsJsonAsync("/api/v1/books", new { title, authors = new[] { "Ann Author" } })).EnsureSuccessStatusCode();
        }

        var page = await site.Client("viewer").GetStringAsync("/?q=river&sort=title");

        Assert.Equal(["Apple River", "Mango River", "Zebra River"], Titles(page));
    }

    [Theory]
    [InlineData("/?sort=colour", "is not a valid sort; use one of: title, author")]
    [InlineData("/?offset=-5", "offset")]
    public async Task Library_BadAddress_422PageSayingWhatIsWrong_AndNoTable(string address, string message)
    {
        await using var site = await WebSite.StartAsync(fixture);
        (await site.Client("editor").PostAsJsonAsync("/api/v1/books", new { title = "Emma", authors = new[] { "Jane Austen" } })).EnsureSuccessStatusCode();

        var response = await site.Client("viewer").GetAsync(address);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Empty(Titles(page));
    }

    [Fact]
    public async Task BookPage_ListsItsOwnSalesNewestFirst_WithRefundOnlyForAnEditor()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        var emma = await AddAsync(editor, "Emma");
        var other = await AddAsync(editor, "Persuasion");
        var firstOrder = await SellAsync(editor, emma, 1);
        await SellAsync(editor, other, 7);
        var secondOrder = await SellAsync(editor, emma, 2);

        var asViewer = await site.Client("viewer").GetStringAsync($"/books/{emma}");
        var asEditor = await editor.GetStringAsync($"/books/{emma}");
        var otherPage = await site.Client("viewer").GetStringAsync($"/books/{other}");

        var orders = OrderCells().Matches(asViewer).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([secondOrder, firstOrder], orders);
        Assert.DoesNotContain("Refund", asViewer, StringComparison.Ordinal);
        Assert.Contains($"/sales/{secondOrder}/refund", asEditor, StringComparison.Ordinal);
        Assert.Single(OrderCells().Matches(otherPage));
    }

    [Fact]
    public async Task SalesPage_Latest_NewestFirst()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        var emma = await AddAsync(editor, "Emma");
        var first = await SellAsync(editor, emma, 1);
        var second = await SellAsync(editor, emma, 2);

        var page = await site.Client("viewer").GetStringAsync("/sales");

        Assert.Equal([second, first], OrderCells().Matches(page).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task ExportPage_LinksEveryFormat_EachDownloadsTheLibrary()
    {
        await using var site = await WebSite.StartAsync(fixture);
        await AddAsync(site.Client("editor"), "Emma");
        var viewer = site.Client("viewer");

        var page = await viewer.GetStringAsync("/export");
        var links = ExportLinks().Matches(page).Select(m => m.Groups[1].Value).ToList();
        var downloads = await Task.WhenAll(links.Select(async l => (await viewer.GetAsync(l)).Content));

        Assert.Equal(["/api/v1/export?format=csv", "/api/v1/export?format=json", "/api/v1/export?format=goodreads"], links);
        Assert.All(downloads, d => Assert.Contains("Emma", d.ReadAsStringAsync().Result, StringComparison.Ordinal));
        Assert.Equal(["text/csv", "application/json", "text/csv"], downloads.Select(d => d.Headers.ContentType!.MediaType));
    }

    private static async Task<int> AddAsync(HttpClient editor, string title)
    {
        var added = await editor.PostAsJsonAsync("/api/v1/books", new { title, authors = new[] { "Jane Austen" }, listPrice = "9.99", listPriceCurrency = "EUR" });
        return (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<string> SellAsync(HttpClient editor, int book, int quantity)
    {
        var recorded = await editor.PostAsJsonAsync("/api/v1/sales", new { book, quantity });
        recorded.EnsureSuccessStatusCode();
        return (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNumber").GetString()!;
    }

    private static List<string> Titles(string page) => [.. BookLinks().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<td><a href=\"/books/[0-9]+\">([^<]*)</a></td>")]
    private static partial Regex BookLinks();

    [GeneratedRegex("<a href=\"(/api/v1/export[^\"]*)\" download>")]
    private static partial Regex ExportLinks();

    [GeneratedRegex("<a href=\"([^\"]*)\">Next</a>")]
    private static partial Regex NextLink();

    // A sale's row: order, title, quantity, total, then the date (the report's rows have no date).
    [GeneratedRegex("<tr><td>([^<]+)</td><td>[^<]*</td><td>[0-9]+</td><td>[^<]*</td><td class=\"hide-small\">")]
    private static partial Regex OrderCells();

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : LibraryPageTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : LibraryPageTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : LibraryPageTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
