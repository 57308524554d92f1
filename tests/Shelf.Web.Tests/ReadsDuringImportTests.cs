using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Web.Tests;

/// <summary>
/// A large import through the web app on PostgreSQL takes no table lock: while it runs, other
/// users' reads keep answering and show the library as it was until the import commits.
/// </summary>
public sealed class ReadsDuringImportTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    // BulkLoadRule.MinimumRows: where a one-shot CLI import would lock the book tables. Without
    // the bulk path the search index's triggers refresh each statement's books, which on a loaded
    // machine can take a while (hence the client's timeout).
    private const int Rows = 20_000;

    [Fact]
    public async Task LargeImport_ReadsKeepAnsweringWithTheLibraryAsItWas_AndNoTableIsLocked()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        editor.Timeout = TimeSpan.FromMinutes(10);
        await editor.PostAsJsonAsync("/api/v1/books", new { title = "Already here", authors = new[] { "Ann Writer" } });
        await using var watcher = await DatabaseFixture.OpenAsync(site.Target);

        var import = editor.PostAsync("/api/v1/imports", Upload());
        var readsDuringImport = 0;
        while (!import.IsCompleted)
        {
            var page = await site.Client("viewer").GetFromJsonAsync<JsonElement>("/api/v1/books?limit=1");
            var locked = await watcher.ScalarAsync<long>(
                "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname IN ('books', 'book_authors') AND l.mode = 'AccessExclusiveLock'");
            if (import.IsCompleted)
            {
                break;
            }

            Assert.Equal(1, page.GetProperty("total").GetInt32());
            Assert.Equal(0, locked);
            readsDuringImport++;
        }

        var summary = await (await import).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Rows, summary.GetProperty("added").GetInt32());
        Assert.True(readsDuringImport > 0, "no read finished while the import ran");
        Assert.Equal(Rows + 1, (await site.Client("viewer").GetFromJsonAsync<JsonElement>("/api/v1/books?limit=1")).GetProperty("total").GetInt32());
    }

    private static MultipartFormDataContent Upload()
    {
        var csv = new StringBuilder("title,number_of_pages,first_name,last_name\n");
        for (var i = 1; i <= Rows; i++)
        {
            csv.Append("Book number ").Append(i).Append(",100,Writer,Number").Append(i % 5000).Append('\n');
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "file", "big.csv" } };
    }
}
