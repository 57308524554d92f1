using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.ImportJobs;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// The built <c>shelf serve</c>, stopped with SIGTERM while an import job runs: the import is
/// cancelled and rolls back, the job is recorded as cancelled, and the process exits cleanly.
/// </summary>
public abstract class ServeStopDuringImportTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Sigterm_DuringAnImportJob_RollsItBack_RecordsItCancelled_AndExits()
    {
        var target = await fixture.NewDatabaseAsync();
        var tokens = await SiteUsers.AddAsync(target);
        using var server = await ServeProcess.StartAsync(CliDatabase.DbArgument(target));
        var editor = server.Client(tokens["editor"]);

        var job = await ServeProcess.StartImportJobAsync(editor, ImportInterruptionTests.BigFile.Value);
        var id = Guid.Parse(job.OriginalString.Split('/')[^1]);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        JsonElement seen;
        while (!await IsImportingAsync(seen = await ServeProcess.GetJobAsync(editor, job), target, id))
        {
            Assert.True(seen.GetProperty("state").GetString() is "queued" or "running", $"the job ended before the test could stop the server: {seen}");
            Assert.True(DateTime.UtcNow < deadline, "the import never got going");
            await Task.Delay(20);
        }

        var (exitCode, error) = await server.StopAsync();

        Assert.Equal(0, exitCode);
        Assert.EndsWith("stopped\n", error, StringComparison.Ordinal);
        await using var db = await DatabaseFixture.OpenAsync(target);
        Assert.Equal(0, await db.Books.CountAsync());
        Assert.Equal(0, await db.Authors.CountAsync());
        var stopped = (await new GetImportJob(db, TimeProvider.System).ExecuteAsync(id, default)).Value;
        Assert.Equal(ImportJobState.Cancelled, stopped.State);
        Assert.Equal(ImportJobErrorCodes.Cancelled, stopped.Error!.Code);
        Assert.NotNull(stopped.FinishedAt);
        Assert.True(stopped.Progress.Rows > 0, "the job kept no trace of how far it got");
    }

    /// <summary>True once the import is under way, as the test can tell on this database.</summary>
    protected abstract Task<bool> IsImportingAsync(JsonElement polled, DatabaseTarget target, Guid id);

    private static bool ShowsRows(JsonElement polled) =>
        polled.GetProperty("state").GetString() == "running" && polled.GetProperty("progress").GetProperty("rows").GetInt64() > 0;

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ServeStopDuringImportTests(fixture), IClassFixture<SqliteDatabaseFixture>
    {
        // The import holds SQLite's write lock, so the row's heartbeats wait: the server answers from what its import reports.
        protected override Task<bool> IsImportingAsync(JsonElement polled, DatabaseTarget target, Guid id) => Task.FromResult(ShowsRows(polled));
    }

    // On a server database the heartbeats land beside the import's transaction: the row itself, read here, shows rows read.
    private static async Task<bool> RowShowsRowsAsync(JsonElement polled, DatabaseTarget target, Guid id)
    {
        await using var db = await DatabaseFixture.OpenAsync(target);
        var job = (await new GetImportJob(db, TimeProvider.System).ExecuteAsync(id, default)).Value;
        return ShowsRows(polled) && job.State == ImportJobState.Running && job.Progress.Rows > 0;
    }

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ServeStopDuringImportTests(fixture), IClassFixture<PostgresDatabaseFixture>
    {
        protected override Task<bool> IsImportingAsync(JsonElement polled, DatabaseTarget target, Guid id) => RowShowsRowsAsync(polled, target, id);
    }

    public sealed class MySql(MySqlDatabaseFixture fixture) : ServeStopDuringImportTests(fixture), IClassFixture<MySqlDatabaseFixture>
    {
        protected override Task<bool> IsImportingAsync(JsonElement polled, DatabaseTarget target, Guid id) => RowShowsRowsAsync(polled, target, id);
    }
}
