using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Importing;

namespace Shelf.Core.Features.Catalog.Reading;

/// <summary>
/// Shelf's own JSON export (<c>shelf export --format json</c>) read back, once: each book object
/// becomes the cells of a row of Shelf's own CSV, by column, so one set of rules checks, matches
/// and stores both, and memory stays flat (one book at a time). Values are copied as the file
/// has them (a number as its digits, a wrong one as its text), so a bad value is rejected with
/// the same message as in a CSV. Keys Shelf does not know are kept with the book as extras of
/// the source "json". Line numbers in messages count the books from 2, as the rows of the CSV
/// export of the same books would be numbered; a rejected book is written as that CSV row.
/// </summary>
internal sealed class JsonCatalogSource : ICatalogSource
{
    private const string Source = "json";

    /// <summary>The JSON export's keys of plain values and the Shelf CSV column each becomes, from <see cref="BookFields"/>.</summary>
    private static readonly Dictionary<string, string> Columns =
        BookFields.All.Where(f => f.JsonName is not null).ToDictionary(f => f.JsonName!, f => f.CsvColumn, StringComparer.Ordinal);

    private static readonly string[] Layout = [.. ShelfCsvLayout.Columns];

    private static readonly Dictionary<string, int> Positions = Layout.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);

    // Written by the export and worked out again on import: nothing to keep.
    private static readonly HashSet<string> Derived = new(StringComparer.Ordinal) { "id", "isbn10", "updatedAt" };

    private readonly Stream _input;
    private readonly IAsyncEnumerator<JsonElement> _books;
    private readonly string?[] _cells = new string?[Layout.Length];
    private long _number;

    private JsonCatalogSource(Stream input, CancellationToken cancellationToken)
    {
        _input = input;
        _books = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(input, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    public string[] Header => Layout;

    public char Separator => ',';

    /// <summary>Unknown: the import sizes nothing from a JSON file's bytes (they are not rows of a CSV).</summary>
    public long? TotalBytes => null;

    public Error? Fatal { get; private set; }

    public long Line => _number + 1;

    public long ByteOffset => 0;

    public int FieldCount => Layout.Length;

    /// <summary>
    /// Looks at the start of <paramref name="input"/>: a JSON array gives a source of its books;
    /// anything else gives the input, unread, to read as CSV, and null. <c>IsObject</c> says the
    /// input starts as a JSON object: JSON, but not the array Shelf reads.
    /// </summary>
    public static async Task<(Stream Input, JsonCatalogSource? Json, bool IsObject)> OpenAsync(Stream input, CancellationToken cancellationToken)
    {
        var prefix = new byte[4096];
        var length = await input.ReadAtLeastAsync(prefix, prefix.Length, throwOnEndOfStream: false, cancellationToken);
        var whole = PrefixedStream.Rewind(input, prefix, length);

        var start = prefix.AsSpan(0, length);
        if (start.StartsWith("\uFEFF"u8))
        {
            start = start[3..];
        }

        start = start.TrimStart(" \t\r\n"u8);
        return start.IsEmpty || start[0] != (byte)'['
            ? (whole, null, !start.IsEmpty && start[0] == (byte)'{')
            : (whole, new JsonCatalogSource(whole, cancellationToken), false);
    }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        // The books are parsed with the import's token; this one also stops the reader when the import stops early.
        cancellationToken.ThrowIfCancellationRequested();
        if (Fatal is not null)
        {
            return false;
        }

        try
        {
            if (!await _books.MoveNextAsync())
            {
                return false;
            }
        }
        catch (JsonException e)
        {
            Fatal = Error.Invalid(CatalogErrorCodes.MalformedJson, $"the JSON cannot be read from line {(e.LineNumber ?? 0) + 1} on ({FirstSentence(e.Message)}); nothing was imported");
            return false;
        }

        _number++;
        var book = _books.Current;
        if (book.ValueKind != JsonValueKind.Object)
        {
            Fatal = Error.Invalid(CatalogErrorCodes.JsonNotABook, $"book {_number} of the JSON array is {Describe(book.ValueKind)}, not an object; Shelf reads the array of books its JSON export writes; nothing was imported");
            return false;
        }

        Array.Clear(_cells);
        foreach (var (column, value) in Cells(book))
        {
            _cells[Positions[column]] = value;
        }

        return true;
    }

    public string Cell(int column) => _cells[column] ?? string.Empty;

    public bool IsEmpty(int column) => string.IsNullOrEmpty(_cells[column]);

    public int ByteLength(int column) => _cells[column] is { } cell ? Encoding.UTF8.GetByteCount(cell) : 0;

    /// <summary>The book as the row of Shelf's CSV export it stands for, which the rejects file (under that header) takes.</summary>
    public byte[] RawRecord()
    {
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true))
        {
            foreach (var cell in _cells)
            {
                csv.WriteField(cell);
            }

            csv.EndRecord();
            csv.Flush();
        }

        // A record read back from a CSV file ends before its line break.
        return bytes.ToArray().AsSpan().TrimEnd("\n"u8).ToArray();
    }

    /// <summary>A JSON book is whole or a parse error; no row of it is ever short.</summary>
    public bool EndedWithLineBreak => true;

    /// <summary>Shelf's JSON is UTF-8.</summary>
    public Importing.RejectsFile Rejects(Stream output) => Importing.RejectsFile.Utf8(output, Header, Separator);

    public ImportIssue? ReadingWarning => null;

    public string? Malformation(long line) => null;

    public async ValueTask DisposeAsync()
    {
        await _books.DisposeAsync();
        await _input.DisposeAsync();
    }

    /// <summary>One book's CSV cells by column name.</summary>
    private static Dictionary<string, string?> Cells(JsonElement book)
    {
        var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
        var extras = new BookExtras();
        foreach (var property in book.EnumerateObject())
        {
            var value = property.Value;
            if (Columns.TryGetValue(property.Name, out var column))
            {
                cells[column] = Text(value);
                continue;
            }

            switch (property.Name)
            {
                case "credits" when value.ValueKind == JsonValueKind.Array:
                    cells[BookFields.Authors.CsvColumn] = ShelfCsvLayout.FormatCredits(value.EnumerateArray().Select(Credit));
                    break;
                case "shelves" when value.ValueKind == JsonValueKind.Array:
                    cells[BookFields.Shelves.CsvColumn] = string.Join(ShelfCsvLayout.ListSeparator, value.EnumerateArray().Select(s => Text(s) ?? string.Empty));
                    break;
                case "identifiers" when value.ValueKind == JsonValueKind.Object:
                    cells[BookFields.Identifiers.CsvColumn] = ShelfCsvLayout.FormatIdentifiers(Identifiers(value));
                    break;
                case LoanColumn.Label when value.ValueKind == JsonValueKind.Array:
                    cells[LoanColumn.Label] = value.GetArrayLength() == 0 ? null : value.GetRawText();
                    break;
                case "extras" when value.ValueKind == JsonValueKind.Object:
                    foreach (var source in value.EnumerateObject().Where(s => s.Value.ValueKind == JsonValueKind.Object))
                    {
                        foreach (var field in source.Value.EnumerateObject())
                        {
                            extras.Add(source.Name, field.Name, Text(field.Value) ?? string.Empty);
                        }
                    }

                    break;
                default:
                    if (!Derived.Contains(property.Name) && value.ValueKind != JsonValueKind.Null)
                    {
                        extras.Add(Source, property.Name, Text(value) ?? string.Empty);
                    }

                    break;
            }
        }

        cells[BookFields.Extras.CsvColumn] = extras.IsEmpty ? null : extras.ToJson();
        return cells;
    }

    // The sort form ("Márquez, Gabriel García") keeps the family name, as the CSV export does.
    private static (string Name, AuthorRole Role) Credit(JsonElement credit)
    {
        if (credit.ValueKind != JsonValueKind.Object)
        {
            return (Text(credit) ?? string.Empty, AuthorRole.Author);
        }

        var name = Property(credit, "sortName") ?? Property(credit, "name") ?? string.Empty;
        var role = Enum.TryParse<AuthorRole>(Property(credit, "role"), ignoreCase: true, out var parsed) ? parsed : AuthorRole.Author;
        return (name, role);
    }

    private static IEnumerable<(string Scheme, string Value)> Identifiers(JsonElement identifiers)
    {
        foreach (var scheme in identifiers.EnumerateObject())
        {
            var values = scheme.Value.ValueKind == JsonValueKind.Array ? scheme.Value.EnumerateArray().ToList() : [scheme.Value];
            foreach (var value in values)
            {
                yield return (scheme.Name, Text(value) ?? string.Empty);
            }
        }
    }

    private static string? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
