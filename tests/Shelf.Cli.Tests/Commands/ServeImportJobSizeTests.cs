using System.Net;
using System.Net.Http.Headers;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// <c>shelf serve --import-job-size MB</c>: an upload larger than that is imported as a job (202)
/// even when the client did not ask for one; below it the import runs within the request.
/// </summary>
public sealed class ServeImportJobSizeTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Theory]
    [InlineData(null, HttpStatusCode.OK)]
    [InlineData("0", HttpStatusCode.Accepted)]
    public async Task Serve_ImportJobSize_DecidesWhetherAnUploadIsAJob(string? megabytes, HttpStatusCode expected)
    {
        var target = await fixture.NewDatabaseAsync();
        var tokens = await SiteUsers.AddAsync(target);
        using var server = await ServeProcess.StartAsync(CliDatabase.DbArgument(target), megabytes is null ? [] : ["--import-job-size", megabytes]);

        using var form = new MultipartFormDataContent();
        var file = new StringContent("title,number_of_pages,first_name,last_name\n1984,326,George,Orwell\n");
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "one.csv");
        form.Add(new StringContent("true"), "dryRun");
        using var response = await server.Client(tokens["editor"]).PostAsync("/api/v1/imports", form);

        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(0, (await server.StopAsync()).ExitCode);
    }

    [Fact]
    public async Task Serve_ImportJobSizeOutOfRange_SaysSoAndExits()
    {
        var target = await fixture.NewDatabaseAsync();

        var result = await ShelfProcess.RunAsync("--db", target.FilePath!, "serve", "--urls", "http://127.0.0.1:0", "--import-job-size", "100001");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--import-job-size must be from 0 to 100000 MB, not 100001", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_LibraryInAMissingFolder_SaysSoAndExitsWithoutServing()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"shelf-missing-{Guid.NewGuid():N}", "library.db");

        var result = await ShelfProcess.RunAsync("--db", missing, "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist; create it first or choose another path (--db)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("serving", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public async Task ServeHelp_NamesTheOptionWithAnExample()
    {
        var result = await ShelfProcess.RunAsync("serve", "--help");

        Assert.Contains("--import-job-size", result.Out, StringComparison.Ordinal);
        Assert.Contains("shelf serve --db postgres://shelf@localhost:5432/library --max-upload 200 --import-job-size 20", result.Out, StringComparison.Ordinal);
    }
}
