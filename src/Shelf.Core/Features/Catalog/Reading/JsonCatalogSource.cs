using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using CsvHelper;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Importing;

namespace Shelf.Core.Features.Catalog.Reading;

/// <summary>
/// Shelf's own JSON export (<c>shelf export --format json</c>) read back. Each book object is
/// written, as it is read, as a row of Shelf's own CSV into a pipe that the import reads like any
/// Shelf CSV file: one set of rules checks, matches and stores both, and memory stays flat. Values
/// are copied as the file has them (a number as its digits, a wrong one as its text), so a bad
/// value is rejected with the same message as in a CSV. Keys Shelf does not know are kept with
/// the book as extras of the source "json". Line numbers in messages count the books from 2,
/// as the rows of the CSV export of the same books would be numbered.
/// </summary>
internal sealed class JsonCatalogSource : IAsyncDisposable
{
    private const string Source = "json";

    /// <summary>The JSON export's keys of plain values and the Shelf CSV column each becomes, from <see cref="BookFields"/>.</summary>
    private static readonly Dictionary<string, string> Columns =
        BookFields.All.Where(f => f.JsonName is not null).ToDictionary(f => f.JsonName!, f => f.CsvColumn, StringComparer.Ordinal);

    // Written by the export and worked out again on import: nothing to keep.
    private static readonly HashSet<string> Derived = new(StringComparer.Ordinal) { "id", "isbn10", "updatedAt" };

    private readonly Stream _input;
    private readonly Pipe _pipe = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _pumping;

    private JsonCatalogSource(Stream input) => _input = input;

    /// <summary>Set when the JSON stops being readable part way (the CSV then ends there); the import must not be kept.</summary>
    private Error? _fatal;

    /// <summary>
    /// Looks at the start of <paramref name="input"/>: a JSON array gives the books as Shelf CSV
    /// (header first) and the source producing it; anything else gives the input, unread, to read
    /// as CSV, and null.
    /// </summary>
    public static async Task<(Stream Input, JsonCatalogSource? Json)> OpenAsync(Stream input, CancellationToken cancellationToken)
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
        if (start.IsEmpty || start[0] != (byte)'[')
        {
            return (whole, null);
        }

        var json = new JsonCatalogSource(whole);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, json._stop.Token).Token;
        json._pumping = Task.Run(() => json.PumpAsync(stop), stop);
        return (json._pipe.Reader.AsStream(), json);
    }

    /// <summary>Waits for the JSON to be read to its end (the import has read the CSV to its end by then); returns why it broke off, if it did.</summary>
    public async Task<Error?> FinishAsync()
    {
        if (_pumping is not null)
        {
            await _pumping;
        }

        return _fatal;
    }

    public async ValueTask DisposeAsync()
    {
        // An import that stopped early reads no more: stop reading the JSON too.
        await _stop.CancelAsync();
        try
        {
            await FinishAsync();
        }
        catch (OperationCanceledException)
        {
            // Stopped here or with the import.
        }

        await _pipe.Reader.CompleteAsync();
        await _input.DisposeAsync();
        _stop.Dispose();
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var output = _pipe.Writer.AsStream(leaveOpen: true);
        var csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        try
        {
            foreach (var column in ShelfCsvLayout.Columns)
            {
                csv.WriteField(column);
            }

            await csv.EndRecordAsync(cancellationToken);
            var number = 0;
            await foreach (var book in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(_input, cancellationToken: cancellationToken))
            {
                number++;
                if (book.ValueKind != JsonValueKind.Object)
                {
                    _fatal = Error.Invalid("import.json_not_a_book", $"book {number} of the JSON array is {Describe(book.ValueKind)}, not an object; Shelf reads the array 'shelf export --format json' writes; nothing was imported");
                    break;
                }

                var cells = Cells(book);
                foreach (var column in ShelfCsvLayout.Columns)
                {
                    csv.WriteField(cells.GetValueOrDefault(column));
                }

                await csv.EndRecordAsync(cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }
        catch (JsonException e)
        {
            _fatal = Error.Invalid("import.malformed_json", $"the JSON cannot be read from line {(e.LineNumber ?? 0) + 1} on ({FirstSentence(e.Message)}); nothing was imported");
        }
        finally
        {
            await csv.DisposeAsync();
            await _pipe.Writer.CompleteAsync();
        }
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
