using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Web.Tests;

/// <summary>Imports, exports and the sales ledger over HTTP, on both databases.</summary>
public abstract class CatalogAndSalesApiTests(DatabaseFixture fixture)
{
    // Two good rows and one without a title (a reject), written with a stray Latin-1 byte that
    // the rejects download must give back exactly.
    private static readonly byte[] File = Encoding.UTF8.GetBytes("title,number_of_pages,first_name,last_name\n1984,326,George,Orwell\nAnimal Farm,122,George,Orwell\n")
        .Concat(new byte[] { (byte)',', (byte)'9', (byte)',', (byte)'R', 0xE9, (byte)'a', (byte)',', (byte)'X', (byte)'\n' }).ToArray();

    [Fact]
    public async Task Import_DryRunChangesNothing_ThenTheImportAddsTheGoodRows()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");

        var dry = await editor.PostAsync("/api/v1/imports", Upload(File, ("dryRun", "true")));
        var afterDry = await editor.GetFromJsonAsync<JsonElement>("/api/v1/books");
        var real = await editor.PostAsync("/api/v1/imports", Upload(File));
        var summary = await real.Content.ReadFromJsonAsync<JsonElement>();
        var after = await editor.GetFromJsonAsync<JsonElement>("/api/v1/books");

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.True((await dry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dryRun").GetBoolean());
        Assert.Equal(0, afterDry.GetProperty("total").GetInt32());
        Assert.Equal((3, 2, 1), (summary.GetProperty("read").GetInt32(), summary.GetProperty("added").GetInt32(), summary.GetProperty("rejected").GetInt32()));
        Assert.Equal(2, after.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ImportRejects_AreTheRejectedRowsAsTheyWere_AndAddNothing()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");

        var response = await editor.PostAsync("/api/v1/imports/rejects", Upload(File));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var books = await editor.GetFromJsonAsync<JsonElement>("/api/v1/books");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lastRow = File[(Array.LastIndexOf(File, (byte)'\n', File.Length - 2) + 1)..^1];
        Assert.True(bytes.AsSpan().IndexOf(lastRow) >= 0, "the rejected row's original bytes are in the download");
        Assert.Equal(0, books.GetProperty("total").GetInt32());
    }

    // Two lines before the header, as a tool's log or a title leaves them.
    private static readonly byte[] LinesBeforeHeader = Encoding.UTF8.GetBytes("Exported by a tool\nLog: 2 books\ntitle,number_of_pages,first_name,last_name\n1984,326,George,Orwell\nAnimal Farm,122,George,Orwell\n");

    [Fact]
    public async Task Import_SkipLines_ReadsTheHeaderAfterThem_OnTheApiAndThePage()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");

        var unskipped = await editor.PostAsync("/api/v1/imports", Upload(LinesBeforeHeader, ("dryRun", "true")));
        var api = await editor.PostAsync("/api/v1/imports", Upload(LinesBeforeHeader, ("skipLines", "2"), ("dryRun", "true")));
        var page = await editor.PostAsync("/import", Upload(LinesBeforeHeader, ("skipLines", "2")));
        var html = await page.Content.ReadAsStringAsync();
        var confirm = System.Text.RegularExpressions.Regex.Match(html, "/import/[0-9a-f]{32}/confirm").Value;
        var hidden = System.Text.RegularExpressions.Regex.Match(html, "name=\"skipLines\" value=\"([0-9]+)\"").Groups[1].Value;
        var confirmed = await editor.PostAsync(confirm, new FormUrlEncodedContent(new Dictionary<string, string> { ["skipLines"] = hidden }));
        var books = await editor.GetFromJsonAsync<JsonElement>("/api/v1/books");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unskipped.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(2, (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("2 would be added", html, StringComparison.Ordinal);
        Assert.Equal("2", hidden);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(2, books.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("-1", HttpStatusCode.UnprocessableEntity, "import.skip_too_far")]
    [InlineData("two", HttpStatusCode.BadRequest, "request.invalid")]
    [InlineData("99999999999", HttpStatusCode.BadRequest, "request.invalid")]
    [InlineData("1000000", HttpStatusCode.UnprocessableEntity, "import.skip_too_far")]
    public async Task Import_BadSkipLines_IsAProblemNamingTheField_AndAddsNothing(string value, HttpStatusCode status, string code)
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");

        var api = await editor.PostAsync("/api/v1/imports", Upload(LinesBeforeHeader, ("skipLines", value)));
        var (apiStatus, apiCode, detail) = await Problem.ReadAsync(api);
        var page = await editor.PostAsync("/import", Upload(LinesBeforeHeader, ("skipLines", value)));
        var html = await page.Content.ReadAsStringAsync();
        var books = await editor.GetFromJsonAsync<JsonElement>("/api/v1/books");

        Assert.Equal((status, code), (apiStatus, apiCode));
        Assert.Contains("'skipLines'", detail, StringComparison.Ordinal);
        Assert.Equal(status, page.StatusCode);
        Assert.Contains("skipLines", html, StringComparison.Ordinal);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(detail), html, StringComparison.Ordinal);
        Assert.Equal(0, books.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Import_BadUploads_AreProblems()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");

        var noFile = await editor.PostAsync("/api/v1/imports", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        var notAForm = await editor.PostAsync("/api/v1/imports", new StringContent("title\nx", Encoding.UTF8, "text/csv"));
        var badFlag = await editor.PostAsync("/api/v1/imports", Upload(File, ("dryRun", "maybe")));
        var badMap = await editor.PostAsync("/api/v1/imports", Upload(File, ("map", "no equals sign")));
        var unknown = await editor.PostAsync("/api/v1/imports", Upload(Encoding.UTF8.GetBytes("a,b\n1,2\n")));
        var byViewer = await site.Client("viewer").PostAsync("/api/v1/imports", Upload(File));

        Assert.Equal((HttpStatusCode.BadRequest, "request.invalid"), await BookApiTests.StatusAndCodeAsync(noFile));
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "request.invalid"), await BookApiTests.StatusAndCodeAsync(notAForm));
        Assert.Equal((HttpStatusCode.BadRequest, "request.invalid"), await BookApiTests.StatusAndCodeAsync(badFlag));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badMap.StatusCode);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "import.unknown_format"), await BookApiTests.StatusAndCodeAsync(unknown));
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
    }

    [Fact]
    public async Task Export_StreamsTheCatalogInTheAskedFormat()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        await editor.PostAsync("/api/v1/imports", Upload(File));

        var csv = await site.Client("viewer").GetAsync("/api/v1/export");
        var json = await site.Client("viewer").GetAsync("/api/v1/export?format=json");
        var wrong = await site.Client("viewer").GetAsync("/api/v1/export?format=xml");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Animal Farm", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetArrayLength());
        Assert.Equal((HttpStatusCode.BadRequest, "request.invalid"), await BookApiTests.StatusAndCodeAsync(wrong));
    }

    [Fact]
    public async Task Sales_RecordListGetRefundReportDelete()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        var book = await (await editor.PostAsJsonAsync("/api/v1/books", new { title = "Emma", authors = new[] { "Jane Austen" }, listPrice = "9.99", listPriceCurrency = "EUR" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = book.GetProperty("id").GetInt32();

        var recorded = await editor.PostAsJsonAsync("/api/v1/sales", new { book = id, quantity = 3, discount = "10%" });
        var sale = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        var order = sale.GetProperty("orderNumber").GetString()!;
        var refunded = await editor.PostAsJsonAsync($"/api/v1/sales/{order}/refund", new { quantity = 1 });
        var details = await editor.GetFromJsonAsync<JsonElement>(recorded.Headers.Location);
        var list = await site.Client("viewer").GetFromJsonAsync<JsonElement>("/api/v1/sales");
        var report = await site.Client("viewer").GetFromJsonAsync<JsonElement>("/api/v1/sales/report?by=book");
        var deleteSold = await editor.DeleteAsync($"/api/v1/sales/{order}");

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(26.97m, sale.GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.Created, refunded.StatusCode);
        Assert.Single(details.GetProperty("refunds").EnumerateArray());
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal("Emma", report.GetProperty("lines")[0].GetProperty("group").GetString());
        Assert.Equal((HttpStatusCode.Conflict, "sale.delete_refunded"), await BookApiTests.StatusAndCodeAsync(deleteSold));
    }

    [Theory]
    [InlineData("""{"book": 1, "quantity": "lots"}""", HttpStatusCode.UnprocessableEntity, "sale.quantity_not_number")]
    [InlineData("""{"book": 999, "quantity": 1}""", HttpStatusCode.NotFound, "book.not_found")]
    [InlineData("""{"book": 1, "quantity": 1, "discount": "150%"}""", HttpStatusCode.UnprocessableEntity, "sale.discount_invalid")]
    [InlineData("""{"book": 1, "qty": 1}""", HttpStatusCode.BadRequest, "request.invalid")]
    public async Task RecordSale_BadBody_IsAProblem_AndRecordsNothing(string body, HttpStatusCode status, string code)
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        await editor.PostAsJsonAsync("/api/v1/books", new { title = "Emma", authors = new[] { "Jane Austen" }, listPrice = "9.99" });

        var response = await editor.PostAsync("/api/v1/sales", new StringContent(body, Encoding.UTF8, "application/json"));
        var list = await editor.GetFromJsonAsync<JsonElement>("/api/v1/sales");

        Assert.Equal((status, code), await BookApiTests.StatusAndCodeAsync(response));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    internal static MultipartFormDataContent Upload(byte[] file, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "books.csv");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    public sealed class Sqlite(SqliteDatabaseFixture db) : CatalogAndSalesApiTests(db), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture db) : CatalogAndSalesApiTests(db), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture db) : CatalogAndSalesApiTests(db), IClassFixture<MySqlDatabaseFixture>;
}
