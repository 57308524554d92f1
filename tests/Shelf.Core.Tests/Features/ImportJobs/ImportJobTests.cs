using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.ImportJobs;
using Shelf.Core.Features.Importing;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.ImportJobs;

/// <summary>An import job's row through its life (queued, running, ended), and what a reader reports when its runner is gone, on every database.</summary>
public abstract class ImportJobTests(DatabaseFixture fixture)
{
    private static readonly ImportJobRunner Here = ImportJobRunner.Current;

    [Fact]
    public async Task StartRecordFinish_GetReportsEachState_AndTheSummaryAsTheImportGaveIt()
    {
        await using var db = await fixture.OpenNewAsync();
        var started = await StartAsync(db, Here);

        var queued = await GetAsync(db, started.Id);
        var recorded = await new RecordImportJob(db, TimeProvider.System).ExecuteAsync(started.Id, Here, new ImportProgress(1200, 64_000, 128_000), default);
        var running = await GetAsync(db, started.Id);
        var summary = new ImportSummary { Format = "simple", Encoding = "utf-8", Separator = "comma", Read = 3, Added = 2, Rejected = 1, RejectedRows = [new ImportIssue(4, "no title")] };
        var finished = await new FinishImportJob(db, TimeProvider.System).ExecuteAsync(new FinishImportJobRequest(started.Id, Here, summary), default);
        var done = await GetAsync(db, started.Id);

        Assert.Equal((ImportJobState.Queued, "big.csv", 128_000L, "editor"), (queued.State, queued.FileName, queued.FileBytes, queued.StartedBy));
        Assert.Null(queued.StartedAt);
        Assert.True(recorded.Value);
        Assert.Equal(ImportJobState.Running, running.State);
        Assert.Equal(new ImportJobProgress(1200, 64_000, 128_000, "reading"), running.Progress);
        Assert.NotNull(running.StartedAt);
        Assert.True(finished.Value);
        Assert.Equal(ImportJobState.Succeeded, done.State);
        Assert.True(done.FinishedAt >= done.StartedAt);
        Assert.Equal((3L, 2L, 1L), (done.Summary!.Read, done.Summary.Added, done.Summary.Rejected));
        Assert.Equal(new ImportIssue(4, "no title"), Assert.Single(done.Summary.RejectedRows));
        Assert.Null(done.Error);
    }

    [Fact]
    public async Task Finish_WithTheImportsError_ReportsFailedWithItsKindAndCode_AndAnEndedJobIsNeverRewritten()
    {
        await using var db = await fixture.OpenNewAsync();
        var started = await StartAsync(db, Here);
        var refused = Error.Invalid(CatalogErrorCodes.UnknownFormat, "the file's header is not one Shelf knows");

        await new FinishImportJob(db, TimeProvider.System).ExecuteAsync(new FinishImportJobRequest(started.Id, Here, refused), default);
        var again = await new FinishImportJob(db, TimeProvider.System).ExecuteAsync(new FinishImportJobRequest(started.Id, Here, default, Cancelled: true), default);
        var heartbeat = await new RecordImportJob(db, TimeProvider.System).ExecuteAsync(started.Id, Here, new ImportProgress(5, 5, 5), default);
        var failed = await GetAsync(db, started.Id);

        Assert.False(again.Value);
        Assert.False(heartbeat.Value);
        Assert.Equal(ImportJobState.Failed, failed.State);
        Assert.Equal(refused, failed.Error);
        Assert.Null(failed.Summary);
        Assert.Equal(0, failed.Progress.Rows);
    }

    [Fact]
    public async Task Finish_Cancelled_ReportsCancelledNothingImported()
    {
        await using var db = await fixture.OpenNewAsync();
        var started = await StartAsync(db, Here);

        await new FinishImportJob(db, TimeProvider.System).ExecuteAsync(new FinishImportJobRequest(started.Id, Here, default, Cancelled: true, new ImportProgress(700, 1, 2)), default);
        var cancelled = await GetAsync(db, started.Id);

        Assert.Equal(ImportJobState.Cancelled, cancelled.State);
        Assert.Equal(ImportJobErrorCodes.Cancelled, cancelled.Error!.Code);
        Assert.Contains("nothing was imported", cancelled.Error.Message, StringComparison.Ordinal);
        Assert.Equal(700, cancelled.Progress.Rows);
    }

    [Fact]
    public async Task Get_AnUnknownId_IsNotFound()
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new GetImportJob(db, TimeProvider.System).ExecuteAsync(Guid.CreateVersion7(), default);

        Assert.Equal(ImportJobErrorCodes.NotFound, result.Error!.Code);
        Assert.Equal(ErrorKind.NotFound, result.Error.Kind);
    }

    [Fact]
    public async Task Get_ARunningJobWhoseRunnerIsGone_IsReportedFailed_WhileALiveRunnersSilenceIsNot()
    {
        await using var db = await fixture.OpenNewAsync();
        var longAgo = new Clock(DateTimeOffset.UtcNow - ImportJobRules.StaleAfter - TimeSpan.FromMinutes(1));
        var elsewhere = await StartAsync(db, new ImportJobRunner("another-server", "another-machine", 4242), longAgo);
        var exitedHere = await StartAsync(db, Here with { Instance = "an-exited-server", Pid = await ExitedPidAsync() }, longAgo);
        var silentHere = await StartAsync(db, Here, longAgo);
        var freshElsewhere = await StartAsync(db, new ImportJobRunner("a-busy-server", "another-machine", 4242));

        var gone = await GetAsync(db, elsewhere.Id);
        var exited = await GetAsync(db, exitedHere.Id);
        var silent = await GetAsync(db, silentHere.Id);
        var fresh = await GetAsync(db, freshElsewhere.Id);

        Assert.Equal((ImportJobState.Failed, ImportJobErrorCodes.RunnerGone), (gone.State, gone.Error?.Code));
        Assert.Contains("nothing was imported", gone.Error!.Message, StringComparison.Ordinal);
        Assert.Equal((ImportJobState.Failed, ImportJobErrorCodes.RunnerGone), (exited.State, exited.Error?.Code));

        // On SQLite a running import keeps its own heartbeats out until it commits: a runner that still runs is never given up.
        Assert.Equal(ImportJobState.Queued, silent.State);
        Assert.Equal(ImportJobState.Queued, fresh.State);

        // Reported, not written: the row still says what its runner last said.
        Assert.Equal(ImportJobState.Queued, (await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == elsewhere.Id)).State);
    }

    [Fact]
    public async Task Record_ForAnotherRunnersJob_ChangesNothing()
    {
        await using var db = await fixture.OpenNewAsync();
        var started = await StartAsync(db, new ImportJobRunner("another-server", "another-machine", 4242));

        var recorded = await new RecordImportJob(db, TimeProvider.System).ExecuteAsync(started.Id, Here, new ImportProgress(9, 9, 9), default);
        var finished = await new FinishImportJob(db, TimeProvider.System).ExecuteAsync(new FinishImportJobRequest(started.Id, Here, default, Cancelled: true), default);

        Assert.False(recorded.Value);
        Assert.False(finished.Value);
        Assert.Equal(ImportJobState.Queued, (await GetAsync(db, started.Id)).State);
    }

    private static async Task<ImportJobView> StartAsync(ShelfDbContext db, ImportJobRunner runner, TimeProvider? clock = null)
    {
        var started = await new StartImportJob(db, clock ?? TimeProvider.System).ExecuteAsync(new StartImportJobRequest("big.csv", 128_000, DryRun: false, "editor", runner), default);
        return started.Value;
    }

    private static async Task<ImportJobView> GetAsync(ShelfDbContext db, Guid id) => (await new GetImportJob(db, TimeProvider.System).ExecuteAsync(id, default)).Value;

    /// <summary>The pid of a process that has ended (the kernel may hand it out again, but not to a process started before the job).</summary>
    private static async Task<int> ExitedPidAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public sealed class Sqlite(SqliteDatabaseFixture db) : ImportJobTests(db), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture db) : ImportJobTests(db), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture db) : ImportJobTests(db), IClassFixture<MySqlDatabaseFixture>;
}
