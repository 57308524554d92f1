using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Web.Tests;

/// <summary>
/// Imports as jobs: <c>Prefer: respond-async</c> (or a file over the threshold) answers 202 with a
/// job to poll at <c>GET /api/v1/imports/{id}</c>, which ends with the summary the synchronous
/// call answers with, or with the problem it would have answered; on both databases.
/// </summary>
public abstract class ImportJobApiTests(DatabaseFixture fixture)
{
    private static readonly byte[] File = Encoding.UTF8.GetBytes("title,number_of_pages,first_name,last_name\n1984,326,George,Orwell\nAnimal Farm,122,George,Orwell\n,9,No,Title\n");

    [Fact]
    public async Task Post_PreferRespondAsync_Answers202WithTheJob_AndThePollEndsWithTheSynchronousSummary()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        var synchronous = await (await editor.PostAsync("/api/v1/imports", CatalogAndSalesApiTests.Upload(File, ("dryRun", "true")))).Content.ReadFromJsonAsync<JsonElement>();

        var accepted = await editor.SendAsync(Async(CatalogAndSalesApiTests.Upload(File)));
        var job = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var done = await PollAsync(editor, accepted.Headers.Location!);
        var books = await editor.GetFromJsonAsync<JsonElement>("/api/v1/books");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("respond-async", accepted.Headers.GetValues("Preference-Applied").Single());
        var id = job.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/imports/{id}", accepted.Headers.Location!.OriginalString);
        Assert.Equal(accepted.Headers.Location.OriginalString, job.GetProperty("href").GetString());
        Assert.Contains(job.GetProperty("state").GetString(), new[] { "queued", "running", "succeeded" });
        Assert.Equal(("succeeded", "editor", "books.csv"), (done.GetProperty("state").GetString(), done.GetProperty("startedBy").GetString(), done.GetProperty("fileName").GetString()));
        Assert.Equal(File.Length, done.GetProperty("fileBytes").GetInt64());
        Assert.True(done.GetProperty("finishedAt").GetDateTime() >= done.GetProperty("startedAt").GetDateTime());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("error").ValueKind);

        // The same summary as the synchronous call's, but for the dry run it was.
        var summary = done.GetProperty("summary");
        Assert.Equal(Without(synchronous, "dryRun"), Without(summary, "dryRun"));
        Assert.Equal((3, 2, 1), (summary.GetProperty("read").GetInt32(), summary.GetProperty("added").GetInt32(), summary.GetProperty("rejected").GetInt32()));
        Assert.Equal(2, books.GetProperty("total").GetInt32());
        Assert.Equal(3, done.GetProperty("progress").GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Post_AFileOverTheThreshold_IsAlwaysAJob_AndASmallOneStaysSynchronous()
    {
        await using var site = await WebSite.StartAsync(fixture, configure: o => o.ImportJobBytes = File.Length - 1);
        var editor = site.Client("editor");

        var large = await editor.PostAsync("/api/v1/imports", CatalogAndSalesApiTests.Upload(File, ("dryRun", "true")));
        var small = await editor.PostAsync("/api/v1/imports", CatalogAndSalesApiTests.Upload(File[..60], ("dryRun", "true")));
        var done = await PollAsync(editor, large.Headers.Location!);

        Assert.Equal(HttpStatusCode.Accepted, large.StatusCode);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.True(done.GetProperty("dryRun").GetBoolean());
        Assert.True(done.GetProperty("summary").GetProperty("dryRun").GetBoolean());
    }

    [Fact]
    public async Task AJobTheImportRefuses_EndsFailed_WithTheProblemTheSynchronousCallAnswers()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var editor = site.Client("editor");
        var unknown = Encoding.UTF8.GetBytes("colour,shape\nred,round\n");
        var synchronous = await Problem.ReadAsync(await editor.PostAsync("/api/v1/imports", CatalogAndSalesApiTests.Upload(unknown)));

        var accepted = await editor.SendAsync(Async(CatalogAndSalesApiTests.Upload(unknown)));
        var done = await PollAsync(editor, accepted.Headers.Location!);

        var error = done.GetProperty("error");
        Assert.Equal("failed", done.GetProperty("state").GetString());
        Assert.Equal(((int)synchronous.Status, synchronous.Code, synchronous.Detail), (error.GetProperty("status").GetInt32(), error.GetProperty("code").GetString(), error.GetProperty("detail").GetString()));
        Assert.Equal(JsonValueKind.Null, done.GetProperty("summary").ValueKind);
    }

    [Fact]
    public async Task Get_BadIdsAndCallers_AreProblemsWithStableCodes()
    {
        await using var site = await WebSite.StartAsync(fixture);
        var accepted = await site.Client("editor").SendAsync(Async(CatalogAndSalesApiTests.Upload(File, ("dryRun", "true"))));
        var job = accepted.Headers.Location!;

        var unknown = await site.Client("editor").GetAsync($"/api/v1/imports/{Guid.CreateVersion7()}");
        var malformed = await site.Client("editor").GetAsync("/api/v1/imports/not-a-job");
        var anonymous = await site.Client().GetAsync(job);
        var viewer = await site.Client("viewer").GetAsync(job);
        var viewerStarts = await site.Client("viewer").SendAsync(Async(CatalogAndSalesApiTests.Upload(File)));
        var owner = await site.Client("owner").GetAsync(job);

        Assert.Equal((HttpStatusCode.NotFound, "import_job.not_found"), Short(await Problem.ReadAsync(unknown)));
        Assert.Equal((HttpStatusCode.BadRequest, "request.invalid"), Short(await Problem.ReadAsync(malformed)));
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.required"), Short(await Problem.ReadAsync(anonymous)));
        Assert.Equal((HttpStatusCode.Forbidden, "auth.forbidden"), Short(await Problem.ReadAsync(viewer)));
        Assert.Equal((HttpStatusCode.Forbidden, "auth.forbidden"), Short(await Problem.ReadAsync(viewerStarts)));

        // Jobs are the site's, not their starter's: another editor or the owner may follow one.
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    /// <summary>Polls a job until it has ended; its last answer.</summary>
    internal static async Task<JsonElement> PollAsync(HttpClient client, Uri job)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var answer = await client.GetFromJsonAsync<JsonElement>(job);
            if (answer.GetProperty("state").GetString() is not ("queued" or "running"))
            {
                return answer;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the job never ended: {answer}");
            await Task.Delay(25);
        }
    }

    internal static HttpRequestMessage Async(HttpContent upload)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = upload };
        request.Headers.Add("Prefer", "respond-async");
        return request;
    }

    private static (HttpStatusCode, string) Short((HttpStatusCode Status, string Code, string Detail) problem) => (problem.Status, problem.Code);

    private static string Without(JsonElement json, string name) =>
        JsonSerializer.Serialize(json.EnumerateObject().Where(p => p.Name != name).ToDictionary(p => p.Name, p => p.Value));

    public sealed class Sqlite(SqliteDatabaseFixture db) : ImportJobApiTests(db), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture db) : ImportJobApiTests(db), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture db) : ImportJobApiTests(db), IClassFixture<MySqlDatabaseFixture>;
}
