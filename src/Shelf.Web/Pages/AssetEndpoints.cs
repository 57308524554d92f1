using System.IO.Compression;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Shelf.Web.Pages;

/// <summary>The pages' stylesheet and the API reference (Scalar), embedded in the assemblies and served by the site itself: nothing comes from a CDN.</summary>
internal static class AssetEndpoints
{
    private static readonly byte[] Stylesheet = Read("site.css");

    private static readonly byte[] ApiReferenceStart = Read("api-reference.js");

    // Scalar's own bundle, embedded gzipped in its package: the API reference needs nothing from a CDN.
    private static readonly Lazy<byte[]> ScalarGzipped = new(() => ReadFrom(typeof(global::Scalar.AspNetCore.ScalarOptions).Assembly, "ScalarStaticAssets.scalar.js"));

    private const string ApiReferencePage =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>API reference · Shelf</title></head><body><div id=\"app\"></div>"
        + "<script src=\"/assets/scalar.js\"></script><script src=\"/assets/api-reference.js\"></script></body></html>";

    public static void MapAssetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/site.css", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Stylesheet, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/assets/api-reference.js", () => Results.Bytes(ApiReferenceStart, "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/assets/scalar.js", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=86400";
            context.Response.Headers.Vary = "Accept-Encoding";
            if (context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.ContentEncoding = "gzip";
                return Results.Bytes(ScalarGzipped.Value, "text/javascript; charset=utf-8");
            }

            return Results.Stream(new GZipStream(new MemoryStream(ScalarGzipped.Value), CompressionMode.Decompress), "text/javascript; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/api-reference", () => Results.Content(ApiReferencePage, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
    }

    private static byte[] Read(string name) => ReadFrom(Assembly.GetExecutingAssembly(), $"Shelf.Web.Assets.{name}");

    private static byte[] ReadFrom(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded asset {resource} is missing from {assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
