using System.Text.Json;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Export;

/// <summary>
/// A JSON array with one object per book: every field of <see cref="BookFields"/> in order,
/// credits with roles and name forms, shelves, ids and extras (as objects), and its loans. Written as it goes,
/// so memory stays flat.
/// </summary>
internal sealed class JsonExporter(Stream output) : ICatalogExporter
{
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions
    {
        Indented = true,

        // Names and titles as UTF-8, not \u escapes; the file is data, never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public Task BeginAsync(CancellationToken cancellationToken)
    {
        _json.WriteStartArray();
        return Task.CompletedTask;
    }

    public async Task WriteAsync(Book book, IReadOnlyList<Loan> loans, CancellationToken cancellationToken)
    {
        _json.WriteStartObject();
        foreach (var field in BookFields.All)
        {
            field.WriteJson(_json, book);
        }

        _json.WritePropertyName(LoanColumn.Label);
        LoanColumn.Write(_json, loans);

        _json.WriteEndObject();
        if (_json.BytesPending > 1 << 16)
        {
            await _json.FlushAsync(cancellationToken);
        }
    }

    public async Task EndAsync(CancellationToken cancellationToken)
    {
        _json.WriteEndArray();
        await _json.FlushAsync(cancellationToken);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();
}
