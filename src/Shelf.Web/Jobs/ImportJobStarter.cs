using Microsoft.AspNetCore.Http;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.ImportJobs;
using Shelf.Web.Infrastructure;

namespace Shelf.Web.Jobs;

/// <summary>
/// Turns an upload into a job: the file is copied to a temporary file of this process (the
/// request's own buffer goes with the request), the job is recorded as queued on this process,
/// and the worker takes it.
/// </summary>
internal sealed class ImportJobStarter(StartImportJob start, FinishImportJob finish, ImportJobWorker worker)
{
    public async Task<Result<ImportJobView>> StartAsync(ImportRequest template, IFormFile file, string user, CancellationToken cancellationToken)
    {
        var path = worker.NewFilePath();
        try
        {
            await using (var upload = file.OpenReadStream())
            await using (var copy = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await upload.CopyToAsync(copy, cancellationToken);
            }

            var started = await start.ExecuteAsync(new StartImportJobRequest(file.FileName, file.Length, template.DryRun, user, ImportJobRunner.Current), cancellationToken);
            if (!started.IsSuccess)
            {
                File.Delete(path);
                return started;
            }

            if (!worker.TryQueue(new QueuedImport(started.Value.Id, path, template)))
            {
                File.Delete(path);
                await finish.ExecuteAsync(new FinishImportJobRequest(started.Value.Id, ImportJobRunner.Current, default, Cancelled: true), CancellationToken.None);
                return Error.Unavailable(WebErrorCodes.Stopping, "the server is stopping and takes no new import; nothing was imported; send the file again");
            }

            return started;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
