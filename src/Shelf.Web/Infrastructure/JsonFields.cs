using System.Text.Json;
using Shelf.Core.Common;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// A request body's fields, read by hand rather than bound to a type, so that an absent field
/// (unchanged) differs from <c>null</c> (cleared), a number and a string holding one read alike,
/// every value reaches the core's rules and gets the CLI's message, and a misspelled field is an
/// error instead of being ignored.
/// </summary>
internal sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> _fields;

    private JsonFields(Dictionary<string, JsonElement> fields) => _fields = fields;

    public static Result<JsonFields> Read(JsonElement body, IReadOnlyList<string> known, string example)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Error.Invalid(WebErrorCodes.BadRequest, $"the body must be a JSON object, such as {example}");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                return Error.Invalid(WebErrorCodes.BadRequest, $"unknown field '{UserText.Shorten(property.Name)}'; the fields are {string.Join(", ", known)}");
            }

            fields[property.Name] = property.Value;
        }

        return new JsonFields(fields);
    }

    public bool Has(string name) => _fields.ContainsKey(name);

    /// <summary>A field as the core reads it: absent is null (unchanged), JSON null is empty (cleared), a number its digits.</summary>
    public string? Text(string name) =>
        !_fields.TryGetValue(name, out var value)
            ? null
            : value.ValueKind switch
            {
                JsonValueKind.Null => string.Empty,
                JsonValueKind.String => value.GetString(),

                // A number, a boolean, or an object where a value belongs: the core's rule refuses what it cannot read, with its message.
                _ => value.GetRawText(),
            };

    public bool Flag(string name) => _fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>A list of strings (one string alone counts as a list of one); null when absent.</summary>
    public Result<IReadOnlyList<string>?> List(string name)
    {
        if (!_fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Result<IReadOnlyList<string>?>.Ok(null);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return Result<IReadOnlyList<string>?>.Ok([value.GetString()!]);
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            return Error.Invalid(WebErrorCodes.BadRequest, $"'{name}' must be a list of strings, such as [\"Jane Austen\", \"Edith Grossman (translator)\"]");
        }

        return Result<IReadOnlyList<string>?>.Ok(value.EnumerateArray().Select(item => item.GetString()!).ToList());
    }
}
