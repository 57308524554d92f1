using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shelf.Cli.Infrastructure;

/// <summary>The one JSON shape of every <c>--json</c>: camelCase fields, enums as lower-case words, indented.</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // Names and titles in every script: print them as UTF-8, not as \u escapes. Never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void Write<T>(TextWriter writer, T value)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, Options));
    }
}
