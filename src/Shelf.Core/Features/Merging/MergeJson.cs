using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shelf.Core.Features.Merging;

/// <summary>How a merge record's snapshot is written: readable enums, text as written, one shape for every database.</summary>
internal static class MergeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("a merge record without data");
}
