using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Catalog.Formats;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Endpoints;

/// <summary>
/// <c>POST /api/v1/imports</c> (a multipart upload; the summary <c>shelf import --json</c>
/// prints), <c>POST /api/v1/imports/rejects</c> (the same upload read as a dry run, answered with
/// the rejected rows' original bytes as CSV) and <c>GET /api/v1/export</c> (streamed).
/// </summary>
internal static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Import and export");
        imports.MapPost("/", ImportAsync).RequireAuthorization(Policies.Edit).DisableAntiforgery().AddEndpointFilter<CookieAntiforgeryFilter>()
            .WithSummary("Import a file: form fields file, and optionally format, map (repeatable, 'Column=field'), encoding, skipLines, dryRun, update, strict")
            .Accepts<IFormFile>("multipart/form-data").Produces<ImportSummary>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        imports.MapPost("/rejects", RejectsAsync).RequireAuthorization(Policies.Edit).DisableAntiforgery().AddEndpointFilter<CookieAntiforgeryFilter>()
            .WithSummary("Read a file as a dry run and answer with the rows it would reject, as they were in the file, with a reason column")
            .Accepts<IFormFile>("multipart/form-data").Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/export", Export).WithTags("Import and export").RequireAuthorization(Policies.Read)
            .WithSummary("The whole catalog as csv (Shelf's own, imports back), json or goodreads, streamed")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, ImportCatalog import, CancellationToken cancellationToken)
    {
        var read = await ReadFormAsync(request, dryRun: null, cancellationToken);
        if (!read.IsSuccess)
        {
            return Problems.Of(read.Error!);
        }

        await using var file = read.Value.File;
        var summary = await import.ExecuteAsync(read.Value.Request with { Input = file }, null, cancellationToken);
        return summary.IsSuccess ? Results.Ok(summary.Value) : Problems.Of(summary.Error!);
    }

    private static async Task<IResult> RejectsAsync(HttpRequest request, ImportCatalog import, CancellationToken cancellationToken)
    {
        var read = await ReadFormAsync(request, dryRun: true, cancellationToken);
        if (!read.IsSuccess)
        {
            return Problems.Of(read.Error!);
        }

        await using var file = read.Value.File;
        var rejects = new MemoryStream();
        var summary = await import.ExecuteAsync(read.Value.Request with { Input = file, Rejects = rejects }, null, cancellationToken);
        if (!summary.IsSuccess)
        {
            return Problems.Of(summary.Error!);
        }

        rejects.Position = 0;
        return Results.File(rejects, "text/csv", "rejects.csv");
    }

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

    private static async Task<Result<(ImportRequest Request, Stream File)>> ReadFormAsync(HttpRequest request, bool? dryRun, CancellationToken cancellationToken)
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
        var stream = file.OpenReadStream();
        return (new ImportRequest(stream)
        {
            Format = format.Length == 0 ? null : format,
            Mappings = mappings,
            Encoding = encoding.Length == 0 ? null : encoding,
            SkipLines = skipLines.Value,
            DryRun = dryRun ?? flags["dryRun"],
            Update = flags["update"],
            Strict = flags["strict"],
        }, stream);
    }
}
