using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Shelf.Core.Domain;

/// <summary>
/// The columns of an imported file that Shelf has no field for, kept with the book so that an
/// export gives them back: per source ("goodreads", "librarything", ...), the column names and
/// values in the order the file had them. Stored as one JSON object in <c>books.extras</c>:
/// <c>{"goodreads":{"Average Rating":"4.06","Spoiler":"true"}}</c>.
/// </summary>
/// <remarks>
/// A JSON column rather than a <c>book_extras</c> table: extras are never queried across books,
/// only read and written whole with their book, and a catalog such as goodbooks carries a dozen
/// of them per row; one column keeps a bulk import at one row per book instead of thirteen, and
/// keeps the file's column order, which a key/value table would need a position column for.
/// </remarks>
public sealed class BookExtras
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    private readonly List<(string Source, List<KeyValuePair<string, string>> Fields)> _sources = [];

    /// <summary>True when no source has any field.</summary>
    public bool IsEmpty => _sources.Count == 0;

    /// <summary>The sources in the order they were added.</summary>
    public IEnumerable<string> Sources => _sources.Select(s => s.Source);

    /// <summary>Every field of every source, in order.</summary>
    public IEnumerable<(string Source, string Name, string Value)> All =>
        _sources.SelectMany(s => s.Fields.Select(f => (s.Source, f.Key, f.Value)));

    /// <summary>The fields of one source; empty when it has none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> For(string source) =>
        _sources.FirstOrDefault(s => s.Source == source).Fields ?? [];

    /// <summary>The value of one field, or null.</summary>
    public string? Get(string source, string name)
    {
        foreach (var field in For(source))
        {
            if (field.Key == name)
            {
                return field.Value;
            }
        }

        return null;
    }

    /// <summary>Adds a field; empty values are not kept, a repeated name gets " (2)", " (3)"...</summary>
    public void Add(string source, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var fields = FieldsOf(source, create: true)!;
        var unique = name;
        for (var n = 2; Contains(fields, unique); n++)
        {
            unique = $"{name} ({n.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        }

        fields.Add(new(unique, value));
    }

    /// <summary>Adds a field whose name the caller knows is not there yet (an import's columns have distinct names).</summary>
    internal void AddNew(string source, string name, string value) => FieldsOf(source, create: true)!.Add(new(name, value));

    private static bool Contains(List<KeyValuePair<string, string>> fields, string name)
    {
        foreach (var field in fields)
        {
            if (field.Key == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Replaces everything one source holds with <paramref name="fields"/>.</summary>
    public void Replace(string source, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var index = _sources.FindIndex(s => s.Source == source);
        var list = fields.Where(f => f.Value.Length > 0).ToList();
        if (index >= 0 && list.Count == 0)
        {
            _sources.RemoveAt(index);
        }
        else if (index >= 0)
        {
            _sources[index] = (source, list);
        }
        else if (list.Count > 0)
        {
            _sources.Add((source, list));
        }
    }

    /// <summary>Whether both hold the same fields of <paramref name="source"/>, in the same order.</summary>
    public bool SameSource(BookExtras other, string source) => For(source).SequenceEqual(other.For(source));

    /// <summary>The JSON text stored in the database, or null when there is nothing to keep.</summary>
    public string? ToJson() => ToUtf8Json() is { } utf8 ? Encoding.UTF8.GetString(utf8) : null;

    /// <summary>The same JSON as UTF-8 bytes, as a database driver sends it; null when there is nothing to keep.</summary>
    public byte[]? ToUtf8Json()
    {
        if (_sources.Count == 0)
        {
            return null;
        }

        // One buffer and writer per thread, reset for each book: an import serializes extras millions of times.
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = _writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var (source, fields) in _sources)
        {
            writer.WriteStartObject(source);
            foreach (var field in fields)
            {
                writer.WriteString(field.Key, field.Value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();

        var json = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 1 << 20)
        {
            // A rare huge row: do not keep its buffer for the rest of the thread's life.
            _buffer = null;
            _writer = null;
        }

        return json;
    }

    /// <summary>Reads the stored JSON; null or empty text gives empty extras.</summary>
    /// <exception cref="JsonException">The text is not a JSON object of objects of strings.</exception>
    public static BookExtras Parse(string? json)
    {
        var extras = new BookExtras();
        if (string.IsNullOrWhiteSpace(json))
        {
            return extras;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("extras must be a JSON object");
        }

        foreach (var source in document.RootElement.EnumerateObject())
        {
            if (source.Value.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"extras of '{source.Name}' must be a JSON object");
            }

            foreach (var field in source.Value.EnumerateObject())
            {
                extras.Add(source.Name, field.Name, field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() : field.Value.GetRawText());
            }
        }

        return extras;
    }

    private List<KeyValuePair<string, string>>? FieldsOf(string source, bool create)
    {
        foreach (var (name, fields) in _sources)
        {
            if (name == source)
            {
                return fields;
            }
        }

        if (!create)
        {
            return null;
        }

        var added = new List<KeyValuePair<string, string>>();
        _sources.Add((source, added));
        return added;
    }
}
