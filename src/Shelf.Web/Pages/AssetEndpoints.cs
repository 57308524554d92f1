using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Shelf.Web.Pages;

/// <summary>The pages' stylesheet, embedded in the assembly and served by the site itself: nothing comes from a CDN.</summary>
internal static class AssetEndpoints
{
    private static readonly byte[] Stylesheet = Read("site.css");

    public static void MapAssetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/site.css", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Stylesheet, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Shelf.Web.Assets.{name}")
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
