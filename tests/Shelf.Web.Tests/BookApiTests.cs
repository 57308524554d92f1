using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Web.Tests;

/// <summary>/api/v1/books, authors and shelves through a real Kestrel, on both databases.</summary>
public abstract class BookApiTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Book_AddGetEditRemove_ByAnEditor()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");

        var added = await editor.PostAsJsonAsync("/api/v1/books", new { title = "The Left Hand of Darkness", authors = new[] { "Ursula K. Le Guin" }, pages = 304, isbn13 = "978-0-441-47812-5" });
        var location = added.Headers.Location!;
        var got = await editor.GetFromJsonAsync<JsonElement>(location);
        var edited = await editor.PatchAsync(location, Json(new { pages = (int?)null, status = "read", addShelves = new[] { "Favourites" }, authors = new[] { "Ursula K. Le Guin", "Jane Doe (translator)" } }));
        var afterEdit = await edited.Content.ReadFromJsonAsync<JsonElement>();
        var removed = await editor.DeleteAsync(location);
        var gone = await editor.GetAsync(location);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Matches("^/api/v1/books/[0-9]+$", location.OriginalString);
        Assert.Equal(("The Left Hand of Darkness", 304, "9780441478125"), (got.GetProperty("title").GetString(), got.GetProperty("pages").GetInt32(), got.GetProperty("isbn13").GetString()));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(JsonValueKind.Null, afterEdit.GetProperty("pages").ValueKind);
        Assert.Equal("read", afterEdit.GetProperty("status").GetString());
        Assert.Equal(["Favourites"], afterEdit.GetProperty("shelves").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["author", "translator"], afterEdit.GetProperty("credits").EnumerateArray().Select(c => c.GetProperty("role").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, "book.not_found"), await StatusAndCodeAsync(gone));
    }

    [Theory]
    [InlineData("""{"title": "A", "authors": ["Ann Writer"], "pages": "abc"}""", HttpStatusCode.UnprocessableEntity, "book.pages_not_number")]
    [InlineData("""{"title": "A", "authors": ["Ann Writer"], "pages": 99999999999999}""", HttpStatusCode.UnprocessableEntity, "book.pages_too_many")]
    [InlineData("""{"title": "", "authors": ["Ann Writer"]}""", HttpStatusCode.UnprocessableEntity, "book.title_empty")]
    [InlineData("""{"title": "A"}""", HttpStatusCode.UnprocessableEntity, "book.no_author")]
    [InlineData("""{"title": "A", "authors": ["Ann Writer"], "isbn13": "978-0-00-000000-1"}""", HttpStatusCode.UnprocessableEntity, "book.isbn_invalid")]
    [InlineData("""{"title": "A", "authors": "Ann Writer", "colour": "red"}""", HttpStatusCode.BadRequest, "request.invalid")]
    [InlineData("""{"title": "A", "authors": [1, 2]}""", HttpStatusCode.BadRequest, "request.invalid")]
    [InlineData("""["not", "an", "object"]""", HttpStatusCode.BadRequest, "request.invalid")]
    [InlineData("""{"title": "A", "authors": ["Ann Writer"]""", HttpStatusCode.BadRequest, "request.invalid")]
    public async Task AddBook_BadBody_IsAProblemWithTheCoresCode_AndAddsNothing(string body, HttpStatusCode status, string code)
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");

        var response = await editor.PostAsync("/api/v1/books", new StringContent(body, Encoding.UTF8, "application/json"));
        var list = await editor.GetFromJsonAsync<JsonElement>("/api/v1/books");

        Assert.Equal((status, code), await StatusAndCodeAsync(response));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AddBook_SameIsbnTwice_IsAConflict()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        var book = new { title = "Emma", authors = new[] { "Jane Austen" }, isbn13 = "9780141439587" };

        await editor.PostAsJsonAsync("/api/v1/books", book);
        var again = await editor.PostAsJsonAsync("/api/v1/books", book);

        var (status, code) = await StatusAndCodeAsync(again);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.StartsWith("book.duplicate", code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListBooks_Pages_WithTotalAndANextLinkUntilTheLastPage()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        foreach (var title in new[] { "Cherry", "Apple", "Banana" })
        {
            await editor.PostAsJsonAsync("/api/v1/books", new { title, authors = new[] { "Ann Writer" } });
        }

        var first = await editor.GetFromJsonAsync<JsonElement>("/api/v1/books?limit=2&sort=title");
        var second = await editor.GetFromJsonAsync<JsonElement>(first.GetProperty("next").GetString());

        Assert.Equal(["Apple", "Banana"], Titles(first));
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(["Cherry"], Titles(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("limit=abc", "limit must be a whole number")]
    [InlineData("limit=0", "limit must be a whole number from 1 to 1000")]
    [InlineData("limit=1001", "from 1 to 1000")]
    [InlineData("offset=-1", "offset must be a whole number")]
    [InlineData("sort=titel", "'titel' is not a valid sort; use one of: title, author, year, pages, added, id")]
    public async Task ListBooks_BadQuery_IsA400NamingTheParameter(string query, string detail)
    {
        await using var site = await WebSite.StartAsync(fixture);

        var response = await site.Client("viewer").GetAsync($"/api/v1/books?{query}");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, "request.invalid"), (problem.Status, problem.Code));
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TheSearchLanguage_FindsWhatTheCliFinds()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        await editor.PostAsJsonAsync("/api/v1/books", new { title = "The Hobbit", authors = new[] { "J.R.R. Tolkien" }, year = 1937 });
        await editor.PostAsJsonAsync("/api/v1/books", new { title = "The Silmarillion", authors = new[] { "J.R.R. Tolkien" }, year = 1977 });
        await editor.PostAsJsonAsync("/api/v1/books", new { title = "Emma", authors = new[] { "Jane Austen" }, year = 1815 });

        var tolkien = await editor.GetFromJsonAsync<JsonElement>("/api/v1/books?q=" + Uri.EscapeDataString("author:tolkien year:1900..1950"));
        var broken = await editor.GetAsync("/api/v1/books?q=" + Uri.EscapeDataString("year:abc"));

        Assert.Equal(["The Hobbit"], Titles(tolkien));
        Assert.Equal(JsonValueKind.Null, tolkien.GetProperty("total").ValueKind);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
    }

    [Fact]
    public async Task Authors_ListGetRenameMerge_WithTheCoresConflicts()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        await editor.PostAsJsonAsync("/api/v1/books", new { title = "A Wizard of Earthsea", authors = new[] { "U. K. Le Guin" } });
        await editor.PostAsJsonAsync("/api/v1/books", new { title = "The Dispossessed", authors = new[] { "Ursula K. Le Guin" } });

        var authors = await editor.GetFromJsonAsync<JsonElement>("/api/v1/authors");
        var ids = authors.GetProperty("items").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("id").GetInt32());
        var taken = await editor.PostAsJsonAsync($"/api/v1/authors/{ids["U. K. Le Guin"]}/rename", new { name = "Ursula K. Le Guin" });
        var merged = await editor.PostAsJsonAsync($"/api/v1/authors/{ids["U. K. Le Guin"]}/merge", new { into = ids["Ursula K. Le Guin"] });
        var one = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/authors/{ids["Ursula K. Le Guin"]}");
        var missing = await editor.GetAsync($"/api/v1/authors/{ids["U. K. Le Guin"]}");
        var badBody = await editor.PostAsJsonAsync($"/api/v1/authors/{ids["Ursula K. Le Guin"]}/rename", new { nom = "x" });

        Assert.Equal(2, authors.GetProperty("total").GetInt32());
        Assert.Equal((HttpStatusCode.Conflict, "author.name_taken"), await StatusAndCodeAsync(taken));
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(2, one.GetProperty("bookCount").GetInt32());
        Assert.Equal((HttpStatusCode.NotFound, "author.not_found"), await StatusAndCodeAsync(missing));
        Assert.Equal((HttpStatusCode.BadRequest, "request.invalid"), await StatusAndCodeAsync(badBody));
    }

    [Fact]
    public async Task Shelves_ListWithCounts()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        var added = await editor.PostAsJsonAsync("/api/v1/books", new { title = "Emma", authors = new[] { "Jane Austen" } });
        await editor.PatchAsync(added.Headers.Location, Json(new { addShelves = new[] { "classics", "to-read" } }));

        var shelves = await site.Client("viewer").GetFromJsonAsync<JsonElement>("/api/v1/shelves");

        Assert.Equal([("classics", 1), ("to-read", 1)], shelves.GetProperty("items").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("bookCount").GetInt32())));
    }

    internal static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    internal static async Task<(HttpStatusCode, string)> StatusAndCodeAsync(HttpResponseMessage response)
    {
        var problem = await Problem.ReadAsync(response);
        return (problem.Status, problem.Code);
    }

    private static List<string?> Titles(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("title").GetString()).ToList();

    public sealed class Sqlite(SqliteDatabaseFixture db) : BookApiTests(db), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture db) : BookApiTests(db), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture db) : BookApiTests(db), IClassFixture<MySqlDatabaseFixture>;
}
