using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.ImportJobs;
using Shelf.Core.Features.Importing;
using Shelf.Web.Infrastructure;

namespace Shelf.Web.Jobs;

/// <summary>
/// Runs the import jobs this process accepted, one at a time, in the background: the upload is
/// read from a temporary file, the import is its own transaction, and the job's row is written
/// beside it in short transactions (running, a heartbeat with the progress every
/// <see cref="ImportJobRules.HeartbeatEvery"/>, the end). When the host stops, the running
/// import is cancelled (its transaction rolls back) and it and the jobs still queued are
/// recorded as cancelled before the process exits.
/// </summary>
internal sealed partial class ImportJobWorker(IServiceScopeFactory scopes, DatabaseTarget target, IHostApplicationLifetime lifetime, ILogger<ImportJobWorker> log) : BackgroundService
{
    private readonly Channel<QueuedImport> _queue = Channel.CreateUnbounded<QueuedImport>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ConcurrentDictionary<Guid, ImportProgress> _live = new();

    /// <summary>The prefix of the folders that hold uploads waiting for their job (see <see cref="ProcessTempFolders"/>).</summary>
    public const string FolderKind = "shelf-import-jobs";

    private readonly Lazy<string> _folder = new(() => ProcessTempFolders.Create(FolderKind));

    /// <summary>A new temporary file for an upload, in this process's folder.</summary>
    public string NewFilePath() => Path.Combine(_folder.Value, Guid.NewGuid().ToString("N") + ".upload");

    /// <summary>Queues an accepted job; false once the host is stopping (the caller records it cancelled).</summary>
    public bool TryQueue(QueuedImport job) => !lifetime.ApplicationStopping.IsCancellationRequested && _queue.Writer.TryWrite(job);

    /// <summary>
    /// The progress of a job this process is running, as of its last report: fresher than the
    /// row, whose heartbeats on SQLite wait for the import's write lock.
    /// </summary>
    public ImportProgress? LiveProgress(Guid id) => _live.TryGetValue(id, out var progress) ? progress : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stopping.Token))
            {
                await RunAsync(job, stopping.Token);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: what is still queued is cancelled below.
        }

        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var left))
        {
            await FinishAsync(left, default, cancelled: true, progress: null);
        }

        if (_folder.IsValueCreated)
        {
            TryDelete(_folder.Value, directory: true);
        }
    }

    private async Task RunAsync(QueuedImport job, CancellationToken stopping)
    {
        Result<ImportSummary> outcome = default;
        var cancelled = false;
        using var beating = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Task heartbeat = Task.CompletedTask;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShelfDbContext>();
            if (await scope.ServiceProvider.GetRequiredService<ShelfDatabase>().PrepareAsync(db, stopping) is { } unusable)
            {
                outcome = unusable;
                return;
            }

            await scope.ServiceProvider.GetRequiredService<RecordImportJob>().ExecuteAsync(job.Id, ImportJobRunner.Current, null, stopping);
            heartbeat = BeatAsync(job.Id, beating.Token);
            await using var input = new FileStream(job.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var progress = new LatestProgress(_live, job.Id);
            outcome = await scope.ServiceProvider.GetRequiredService<ImportCatalog>().ExecuteAsync(job.Request with { Input = input }, progress, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            cancelled = true;
        }
#pragma warning disable CA1031 // a job's failure is recorded on the job; it must never end the worker
        catch (Exception e)
#pragma warning restore CA1031
        {
            // Stopping may surface as the provider's own error (a cancelled command, a closed connection).
            cancelled = stopping.IsCancellationRequested;
            outcome = DatabaseErrors.Translate(e, target) ?? Error.Unavailable(WebErrorCodes.ServerError, "the import failed on the server; nothing was imported; the server's log says more");
            LogJobFailed(log, e, job.Id);
        }
        finally
        {
            await beating.CancelAsync();
            await heartbeat;
            TryDelete(job.FilePath, directory: false);
            await FinishAsync(job, outcome, cancelled, LiveProgress(job.Id));
            _live.TryRemove(job.Id, out _);
        }
    }

    /// <summary>Records the job's progress every few seconds until the import ends; a missed beat is only logged.</summary>
    private async Task BeatAsync(Guid id, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ImportJobRules.HeartbeatEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await WithLibraryAsync(id, (provider, token) => provider.GetRequiredService<RecordImportJob>().ExecuteAsync(id, ImportJobRunner.Current, LiveProgress(id), token), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The import ended.
        }
    }

    /// <summary>Records how the job ended, whatever the host is doing (it waits for this before the process exits).</summary>
    private Task FinishAsync(QueuedImport job, Result<ImportSummary> outcome, bool cancelled, ImportProgress? progress) =>
        WithLibraryAsync(job.Id, (provider, token) => provider.GetRequiredService<FinishImportJob>().ExecuteAsync(new FinishImportJobRequest(job.Id, ImportJobRunner.Current, outcome, cancelled, progress), token), CancellationToken.None);

    private async Task WithLibraryAsync(Guid id, Func<IServiceProvider, CancellationToken, Task<Result<bool>>> write, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShelfDbContext>();
            if (await scope.ServiceProvider.GetRequiredService<ShelfDatabase>().PrepareAsync(db, cancellationToken) is null)
            {
                await write(scope.ServiceProvider, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStateNotRecorded(log, e, id);
        }
    }

    private static void TryDelete(string path, bool directory)
    {
        try
        {
            if (directory)
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary file; the system's cleaning takes it later.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "import job {Id} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the state of import job {Id} could not be recorded")]
    private static partial void LogStateNotRecorded(ILogger logger, Exception exception, Guid id);

    /// <summary>Keeps the import's latest report, for heartbeats and for polls answered by this process.</summary>
    private sealed class LatestProgress(ConcurrentDictionary<Guid, ImportProgress> live, Guid id) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => live[id] = value;
    }
}
