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
        var readsWhileWriting = 0;
        while (!import.IsCompleted)
        {
            // The import holds a RowExclusiveLock on books from its first row to its commit.
            var writing = await watcher.ScalarAsync<long>(
                "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'books' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()");
            var page = await site.Client("viewer").GetFromJsonAsync<JsonElement>("/api/v1/books?limit=1");
            var locked = await watcher.ScalarAsync<long>(
                "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname IN ('books', 'book_authors') AND l.mode = 'AccessExclusiveLock'");
            if (page.GetProperty("total").GetInt32() == Rows + 1)
            {
                break; // committed; its answer may still be on its way
            }

            // Never a part of the import: the library as it was, and no table taken.
            Assert.Equal(1, page.GetProperty("total").GetInt32());
            Assert.Equal(0, locked);
            if (writing > 0)
            {
                readsWhileWriting++;
            }
        }

        var summary = await (await import).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Rows, summary.GetProperty("added").GetInt32());
        // A reader the import blocked would have answered only after the commit, with every row.
        Assert.True(readsWhileWriting > 0, "no read answered while the import was writing");
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
