using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Core.Features.Catalog;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Pages;

/// <summary>
/// The import page: upload a file, read the dry run's summary and warnings, then import it or
/// download the rows it would reject (as they were in the file).
/// </summary>
internal static class ImportPages
{
    public static void MapImportPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/import", (HttpContext context) => UploadForm(context, null, StatusCodes.Status200OK)).RequireAuthorization(Policies.Edit).ExcludeFromDescription();
        app.MapPost("/import", CheckAsync).WithMetadata(OutsideRequestQueue.Instance).RequireAuthorization(Policies.Edit).DisableAntiforgery().AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/import/{upload}/confirm", ConfirmAsync).WithMetadata(OutsideRequestQueue.Instance).RequireAuthorization(Policies.Edit).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapGet("/import/{upload}/rejects", RejectsAsync).WithMetadata(OutsideRequestQueue.Instance).RequireAuthorization(Policies.Edit).AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
    }

    private static IResult UploadForm(HttpContext context, string? error, int status)
    {
        var body = Forms.Builder("Import")
            .Append("<p>Goodreads, LibraryThing, StoryGraph, Libib, Calibre, goodbooks, Shelf's own CSV or JSON; the file is checked first and nothing changes until you confirm.</p>")
            .Append(Forms.Error(error))
            .Append(Forms.Open(context, "/import", upload: true))
            .Append("<div class=\"field\"><label for=\"f-file\">File</label><input id=\"f-file\" name=\"file\" type=\"file\" required></div>")
            .Append(Forms.Field(SkipLinesField.Name, "Lines before the header", null, type: "number", hint: "a title or a tool's log lines above the column names; empty for none"))
            .Append("<button type=\"submit\">Check the file</button></form>");
        return Html.Page(context, "Import", body.ToString(), status);
    }

    private static async Task<IResult> CheckAsync(HttpContext context, ImportCatalog import, UploadStash stash, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return UploadForm(context, "choose a file to import", StatusCodes.Status400BadRequest);
        }

        var skipLines = SkipLinesField.Read(Forms.Value(form, SkipLinesField.Name));
        if (!skipLines.IsSuccess)
        {
            return UploadForm(context, skipLines.Error!.Message, Problems.StatusOf(skipLines.Error));
        }

        var user = context.User.Identity!.Name!;
        string id;
        await using (var upload = file.OpenReadStream())
        {
            id = await stash.KeepAsync(upload, user, cancellationToken);
        }

        await using var kept = stash.Open(id, user)!;
        var summary = await import.ExecuteAsync(new ImportRequest(kept) { DryRun = true, SkipLines = skipLines.Value }, null, cancellationToken);
        if (!summary.IsSuccess)
        {
            stash.Forget(id, user);
            return UploadForm(context, WebHints.Append(summary.Error!.Message, summary.Error.Code), Problems.StatusOf(summary.Error));
        }

        // The confirmation and the rejects download read the kept file again, past the same lines.
        var skip = skipLines.Value.ToString(CultureInfo.InvariantCulture);
        var body = Forms.Builder($"Check of {file.FileName}")
            .Append(Summary(summary.Value))
            .Append(Forms.Open(context, $"/import/{id}/confirm"))
            .Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{SkipLinesField.Name}\" value=\"{skip}\">")
            .Append("<button type=\"submit\">Import it</button></form>");
        if (summary.Value.Rejected > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/import/{id}/rejects?{SkipLinesField.Name}={skip}\" download>Download the {summary.Value.Rejected} rejected rows (CSV)</a></p>");
        }

        return Html.Page(context, "Import: check", body.ToString());
    }

    private static async Task<IResult> ConfirmAsync(HttpContext context, string upload, ImportCatalog import, UploadStash stash, CancellationToken cancellationToken)
    {
        var user = context.User.Identity!.Name!;
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var skipLines = SkipLinesField.Read(Forms.Value(form, SkipLinesField.Name));
        if (!skipLines.IsSuccess)
        {
            return UploadForm(context, skipLines.Error!.Message, Problems.StatusOf(skipLines.Error));
        }

        var kept = stash.Open(upload, user);
        if (kept is null)
        {
            return UploadForm(context, "that upload is gone (an hour has passed, or it was imported already); choose the file again", StatusCodes.Status404NotFound);
        }

        Shelf.Core.Common.Result<ImportSummary> summary;
        await using (kept)
        {
            summary = await import.ExecuteAsync(new ImportRequest(kept) { SkipLines = skipLines.Value }, null, cancellationToken);
        }

        if (!summary.IsSuccess)
        {
            return UploadForm(context, WebHints.Append(summary.Error!.Message, summary.Error.Code), Problems.StatusOf(summary.Error));
        }

        stash.Forget(upload, user);
        var body = Forms.Builder("Imported").Append(Summary(summary.Value)).Append("<p><a href=\"/\">To the library</a></p>");
        return Html.Page(context, "Imported", body.ToString());
    }

    private static async Task<IResult> RejectsAsync(HttpContext context, string upload, ImportCatalog import, UploadStash stash, CancellationToken cancellationToken)
    {
        var skipLines = SkipLinesField.Read(context.Request.Query[SkipLinesField.Name].ToString());
        if (!skipLines.IsSuccess)
        {
            return UploadForm(context, skipLines.Error!.Message, Problems.StatusOf(skipLines.Error));
        }

        var kept = stash.Open(upload, context.User.Identity!.Name!);
        if (kept is null)
        {
            return UploadForm(context, "that upload is gone; choose the file again", StatusCodes.Status404NotFound);
        }

        var rejects = new MemoryStream();
        await using (kept)
        {
            var summary = await import.ExecuteAsync(new ImportRequest(kept) { DryRun = true, Rejects = rejects, SkipLines = skipLines.Value }, null, cancellationToken);
            if (!summary.IsSuccess)
            {
                return UploadForm(context, WebHints.Append(summary.Error!.Message, summary.Error.Code), Problems.StatusOf(summary.Error));
            }
        }

        rejects.Position = 0;
        return Results.File(rejects, "text/csv", "rejects.csv");
    }

    private static string Summary(ImportSummary summary)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>{summary.Format} file, {summary.Encoding}: {summary.Read} rows read; {summary.Added} {(summary.DryRun ? "would be added" : "added")}, ")
            .Append(CultureInfo.InvariantCulture, $"{summary.Updated} updated, {summary.Unchanged} already in the library, {summary.Rejected} rejected, {summary.Warnings} warnings.</p>");
        Issues(text, "Rejected", summary.RejectedRows);
        Issues(text, "Warnings", summary.WarningRows);
        return text.ToString();
    }

    private static void Issues(StringBuilder text, string heading, IReadOnlyList<ImportIssue> issues)
    {
        if (issues.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"<h2>{heading}</h2><ul>");
        foreach (var issue in issues.Take(50))
        {
            text.Append(CultureInfo.InvariantCulture, $"<li>line {issue.Line}: {Html.Encode(issue.Message)}</li>");
        }

        text.Append(issues.Count > 50 ? "<li>…</li></ul>" : "</ul>");
    }
}
