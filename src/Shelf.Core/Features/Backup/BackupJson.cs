using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shelf.Core.Features.Backup;

/// <summary>How the manifest is written and read: camelCase, kinds as lower-case words.</summary>
internal static class BackupJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };
}
