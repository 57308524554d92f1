using System.Text.Json;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Export;

/// <summary>
/// A JSON array with one object per book: every field, credits with roles and name forms,
/// shelves, ids and extras (as objects). Written as it goes, so memory stays flat.
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

    public async Task WriteAsync(Book book, CancellationToken cancellationToken)
    {
        var w = _json;
        w.WriteStartObject();
        w.WriteNumber("id", book.Id);
        w.WriteString("title", book.Title);
        Text("subtitle", book.Subtitle);
        w.WriteStartArray("credits");
        foreach (var credit in ExportValues.Credits(book))
        {
            w.WriteStartObject();
            w.WriteString("name", credit.Author.Name);
            w.WriteString("sortName", credit.Author.SortName);
            w.WriteString("role", credit.Role.ToString().ToLowerInvariant());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Text("isbn13", book.Isbn13);
        Text("isbn10", book.Isbn13 is null ? null : Isbn.Parse(book.Isbn13).ToIsbn10());
        Text("publisher", book.Publisher);
        Number("yearPublished", book.YearPublished);
        Number("originalPublicationYear", book.OriginalPublicationYear);
        Text("language", book.Language);
        Text("format", book.Format);
        Number("pages", book.Pages);
        Text("series", book.Series);
        Text("seriesNumber", book.SeriesNumber);
        Text("description", book.Description);
        if (book.ListPriceMinor is { } price)
        {
            w.WriteNumber("listPriceMinor", price);
            w.WriteString("listPriceCurrency", book.ListPriceCurrency);
        }

        Number("rating", book.Rating);
        Text("status", book.Status);
        Text("dateStarted", ExportValues.Day(book.DateStarted));
        Text("dateRead", ExportValues.Day(book.DateRead));
        w.WriteNumber("readCount", book.ReadCount);
        Text("review", book.Review);
        Text("privateNotes", book.PrivateNotes);
        Number("ownedCopies", book.OwnedCopies);
        Text("location", book.Location);
        w.WriteStartArray("shelves");
        foreach (var shelf in ExportValues.Shelves(book))
        {
            w.WriteStringValue(shelf);
        }

        w.WriteEndArray();
        w.WriteStartObject("identifiers");
        foreach (var scheme in ExportValues.Identifiers(book).GroupBy(i => i.Scheme))
        {
            // A scheme usually has one id; a book merged from two records can have more.
            if (scheme.Count() == 1)
            {
                w.WriteString(scheme.Key, scheme.Single().Value);
            }
            else
            {
                w.WriteStartArray(scheme.Key);
                foreach (var id in scheme)
                {
                    w.WriteStringValue(id.Value);
                }

                w.WriteEndArray();
            }
        }

        w.WriteEndObject();
        w.WriteStartObject("extras");
        var extras = BookExtras.Parse(book.Extras);
        foreach (var source in extras.Sources)
        {
            w.WriteStartObject(source);
            foreach (var field in extras.For(source))
            {
                w.WriteString(field.Key, field.Value);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteString("addedAt", ExportValues.Moment(book.AddedAt));
        w.WriteString("updatedAt", ExportValues.Moment(book.UpdatedAt));
        w.WriteEndObject();
        if (w.BytesPending > 1 << 16)
        {
            await w.FlushAsync(cancellationToken);
        }

        void Text(string name, string? value)
        {
            if (value is null)
            {
                w.WriteNull(name);
            }
            else
            {
                w.WriteString(name, value);
            }
        }

        void Number(string name, int? value)
        {
            if (value is { } number)
            {
                w.WriteNumber(name, number);
            }
            else
            {
                w.WriteNull(name);
            }
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
