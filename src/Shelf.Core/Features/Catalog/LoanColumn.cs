using System.Globalization;
using System.Text.Json;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Export;
using Shelf.Core.Features.Catalog.Reading;
using Shelf.Core.Features.Loans;

namespace Shelf.Core.Features.Catalog;

/// <summary>
/// A book's loans, open and returned, as Shelf's exports carry them: an array of objects
/// (borrower, contact, lentAt, dueOn, returnedAt, note) under <c>loans</c> in the JSON export, and
/// the same array as text in the CSV export's <c>loans</c> column; read back into
/// <see cref="CatalogRecord.Loans"/>, so an export imported into an empty library lends the same
/// books to the same people again. Loans are not a field of <see cref="BookFields"/>: they are
/// rows of their own that outlive the book.
/// </summary>
internal static class LoanColumn
{
    public const string Label = "loans";

    private static readonly JsonWriterOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter json, IReadOnlyList<Loan> loans)
    {
        json.WriteStartArray();
        foreach (var loan in loans)
        {
            json.WriteStartObject();
            json.WriteString("borrower", loan.Borrower.Name);
            json.WriteString("contact", loan.Borrower.Contact);
            json.WriteString("lentAt", ExportValues.Moment(loan.LentAt));
            json.WriteString("dueOn", ExportValues.Day(loan.DueOn));
            json.WriteString("returnedAt", loan.ReturnedAt is { } back ? ExportValues.Moment(back) : null);
            json.WriteString("note", loan.Note);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The CSV export's cell: the array as one line of JSON, empty for a book never lent.</summary>
    public static string Cell(IReadOnlyList<Loan> loans)
    {
        if (loans.Count == 0)
        {
            return string.Empty;
        }

        using var bytes = new MemoryStream();
        using (var json = new Utf8JsonWriter(bytes, Compact))
        {
            Write(json, loans);
        }

        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Reads the column back; a value that is not such an array is a warning, kept in the extras, and no loan.</summary>
    public static void Read(CatalogRow row, int column)
    {
        var text = column < 0 ? string.Empty : row.Exact(column).Trim();
        if (text.Length == 0)
        {
            return;
        }

        var loans = new List<ImportedLoan>();
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("not an array");
            }

            foreach (var loan in document.RootElement.EnumerateArray())
            {
                loans.Add(Loan(loan));
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            row.Unusable(column, $"is not Shelf's list of loans ({e.Message})");
            return;
        }

        row.Record.Loans.AddRange(loans);
    }

    private static ImportedLoan Loan(JsonElement loan)
    {
        var name = LoanRules.Borrower(Text(loan, "borrower"));
        if (!name.IsSuccess)
        {
            throw new FormatException(name.Error!.Message);
        }

        var note = LoanRules.Note(Text(loan, "note"));
        var contact = LoanRules.Contact(Text(loan, "contact"));
        if (!note.IsSuccess || !contact.IsSuccess)
        {
            throw new FormatException((note.Error ?? contact.Error)!.Message);
        }

        var due = Text(loan, "dueOn");
        return new ImportedLoan(name.Value!, Moment(Text(loan, "lentAt")) ?? throw new FormatException("a loan has no lentAt"), Moment(Text(loan, "returnedAt")))
        {
            DueOn = due is null ? null : DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Note = note.Value,
            Contact = contact.Value,
        };
    }

    private static DateTime? Moment(string? text) =>
        text is null ? null : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string? Text(JsonElement loan, string name) =>
        loan.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
