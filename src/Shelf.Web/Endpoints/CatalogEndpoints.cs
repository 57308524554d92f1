using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Catalog.Formats;
using Shelf.Core.Features.ImportJobs;
using Shelf.Web.Infrastructure;
using Shelf.Web.Jobs;
using Shelf.Web.Security;

namespace Shelf.Web.Endpoints;

/// <summary>
/// <c>POST /api/v1/imports</c> (a multipart upload; the summary <c>shelf import --json</c>
/// prints, or a job to poll at <c>GET /api/v1/imports/{id}</c>), <c>POST /api/v1/imports/rejects</c> (the same upload read as a dry run, answered with
/// the rejected rows' original bytes as CSV) and <c>GET /api/v1/export</c> (streamed).
/// </summary>
internal static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Import and export").WithMetadata(OutsideRequestQueue.Instance);
        imports.MapPost("/", ImportAsync).RequireAuthorization(Policies.Edit).DisableAntiforgery().AddEndpointFilter<CookieAntiforgeryFilter>()
            .WithSummary("Import a file: form fields file, and optionally format, map (repeatable, 'Column=field'), encoding, skipLines, dryRun, update, strict")
            .WithDescription("Answers 200 with the summary once imported. With 'Prefer: respond-async', or for a file larger than the server's job threshold, "
                + "answers 202 at once with a job (Location: /api/v1/imports/{id}) to poll with GET; the import then runs in the background as one transaction.")
            .Accepts<IFormFile>("multipart/form-data").Produces<ImportSummary>().Produces<ImportJobBody>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        imports.MapGet("/{id}", GetJobAsync).RequireAuthorization(Policies.Edit)
            .WithSummary("An import job: its state (queued, running, succeeded, failed, cancelled), progress and times; once it succeeded the summary POST /imports answers with, once it failed the problem it met")
            .Produces<ImportJobBody>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapPost("/rejects", RejectsAsync).RequireAuthorization(Policies.Edit).DisableAntiforgery().AddEndpointFilter<CookieAntiforgeryFilter>()
            .WithSummary("Read a file as a dry run and answer with the rows it would reject, as they were in the file, with a reason column")
            .Accepts<IFormFile>("multipart/form-data").Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/export", Export).WithTags("Import and export").WithMetadata(OutsideRequestQueue.Instance).RequireAuthorization(Policies.Read)
            .WithSummary("The whole catalog as csv (Shelf's own, imports back), json or goodreads, streamed")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, ImportCatalog import, ImportJobStarter jobs, ShelfWebOptions options, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var read = await ReadFormAsync(request, dryRun: null, cancellationToken);
        if (!read.IsSuccess)
        {
            return Problems.Of(read.Error!);
        }

        var (template, file) = read.Value;
        if (PrefersAsync(request) || file.Length > options.ImportJobBytes)
        {
            var started = await jobs.StartAsync(template, file, request.HttpContext.User.Identity?.Name ?? string.Empty, cancellationToken);
            if (!started.IsSuccess)
            {
                return Problems.Of(started.Error!);
            }

            request.HttpContext.Response.Headers["Preference-Applied"] = RespondAsync;
            return Results.Accepted(ImportJobBody.PathOf(started.Value.Id), ImportJobBody.Of(started.Value, live: null));
        }

        var summary = await RunAsync(import, template with { Input = file.OpenReadStream() }, lifetime, cancellationToken);
        return summary.IsSuccess ? Results.Ok(summary.Value) : Problems.Of(summary.Error!);
    }

    private static async Task<IResult> GetJobAsync(string id, GetImportJob get, ImportJobWorker worker, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var jobId))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, WebErrorCodes.BadRequest, $"'{UserText.Shorten(id)}' is not an import job id; use the id POST /api/v1/imports answered with");
        }

        var job = await get.ExecuteAsync(jobId, cancellationToken);
        return job.IsSuccess ? Results.Ok(ImportJobBody.Of(job.Value, worker.LiveProgress(jobId))) : Problems.Of(job.Error!);
    }

    private static async Task<IResult> RejectsAsync(HttpRequest request, ImportCatalog import, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var read = await ReadFormAsync(request, dryRun: true, cancellationToken);
        if (!read.IsSuccess)
        {
            return Problems.Of(read.Error!);
        }

        var rejects = new MemoryStream();
        var summary = await RunAsync(import, read.Value.Request with { Input = read.Value.File.OpenReadStream(), Rejects = rejects }, lifetime, cancellationToken);
        if (!summary.IsSuccess)
        {
            return Problems.Of(summary.Error!);
        }

        rejects.Position = 0;
        return Results.File(rejects, "text/csv", "rejects.csv");
    }

    /// <summary>An import within the request; stopping the server cancels it (its transaction rolls back) rather than waiting for it.</summary>
    private static async Task<Result<ImportSummary>> RunAsync(ImportCatalog import, ImportRequest request, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        await using var input = request.Input;
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            return await import.ExecuteAsync(request, null, both.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Error.Unavailable(WebErrorCodes.Stopping, "the server is stopping, so the import was rolled back; nothing was imported; send the file again");
        }
    }

    private const string RespondAsync = "respond-async";

    /// <summary>RFC 7240's <c>Prefer: respond-async</c>, among any other preferences the client sends.</summary>
    private static bool PrefersAsync(HttpRequest request) =>
        request.Headers["Prefer"].SelectMany(value => (value ?? string.Empty).Split(',')).Any(preference =>
            string.Equals(preference.Split(';')[0].Trim(), RespondAsync, StringComparison.OrdinalIgnoreCase));

    private static IResult Export(ExportCatalog export, string? format, CancellationToken cancellationToken)
    {
        var chosen = Choices.Read<ExportFormat>(format, "format");
        if (!chosen.IsSuccess)
        {
            return Problems.Of(chosen.Error!);
        }

        var value = chosen.Value ?? ExportFormat.Csv;
        var (contentType, name) = value == ExportFormat.Json ? ("application/json", "library.json") : ("text/csv", value == ExportFormat.Goodreads ? "goodreads_library_export.csv" : "library.csv");
        return Results.Stream(async body => await export.ExecuteAsync(value, body, null, cancellationToken), contentType, name);
    }

    private static async Task<Result<(ImportRequest Request, IFormFile File)>> ReadFormAsync(HttpRequest request, bool? dryRun, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Error.Invalid(WebErrorCodes.BadRequest, "send the file as multipart/form-data in a field named 'file'");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { } file)
        {
            return Error.Invalid(WebErrorCodes.BadRequest, "the form has no field 'file' holding the file to import");
        }

        var mappings = new List<ColumnMapping>();
        foreach (var text in form["map"])
        {
            var mapping = ColumnMapping.Parse(text ?? string.Empty);
            if (!mapping.IsSuccess)
            {
                return mapping.Error!;
            }

            mappings.Add(mapping.Value);
        }

        var flags = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var name in new[] { "dryRun", "update", "strict" })
        {
            var text = form[name].ToString();
            if (text.Length > 0 && !bool.TryParse(text, out var flag))
            {
                return Error.Invalid(WebErrorCodes.BadRequest, $"'{name}' must be true or false, not '{UserText.Shorten(text)}'");
            }

            flags[name] = text.Length > 0 && bool.Parse(text);
        }

        var skipLines = SkipLinesField.Read(form[SkipLinesField.Name].ToString());
        if (!skipLines.IsSuccess)
        {
            return skipLines.Error!;
        }

        var format = form["format"].ToString();
        var encoding = form["encoding"].ToString();
        return (new ImportRequest(Stream.Null)
        {
            Format = format.Length == 0 ? null : format,
            Mappings = mappings,
            Encoding = encoding.Length == 0 ? null : encoding,
            SkipLines = skipLines.Value,
            DryRun = dryRun ?? flags["dryRun"],
            Update = flags["update"],
            Strict = flags["strict"],
        }, file);
    }
}
