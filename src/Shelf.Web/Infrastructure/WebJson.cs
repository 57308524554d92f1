using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// The API's JSON is the CLI's <c>--json</c>: camelCase fields and enums as lower-case words
/// (<c>"currently-reading"</c>), so a script moves between the two without changes.
/// </summary>
internal static class WebJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }
}
