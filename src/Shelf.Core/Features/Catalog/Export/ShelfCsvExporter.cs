using System.Globalization;
using CsvHelper;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Formats;

namespace Shelf.Core.Features.Catalog.Export;

/// <summary>
/// Shelf's own CSV (<see cref="BookFields"/> in order, lists as <see cref="ShelfCsvLayout"/> writes them): every field, the credits with roles (names
/// in their "Last, First" form, so the family name survives the trip), shelves, ids and extras,
/// then the book's loans (<see cref="LoanColumn"/>).
/// Importing it into an empty library and exporting again gives the same file.
/// </summary>
internal sealed class ShelfCsvExporter(Stream output) : ICatalogExporter
{
    private readonly CsvWriter _csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);

    public Task BeginAsync(CancellationToken cancellationToken)
    {
        foreach (var column in ShelfCsvLayout.Columns)
        {
            _csv.WriteField(column);
        }

        return _csv.EndRecordAsync(cancellationToken).AsTask();
    }

    public Task WriteAsync(Book book, IReadOnlyList<Loan> loans, CancellationToken cancellationToken)
    {
        foreach (var field in BookFields.Exported)
        {
            _csv.WriteField(field.Export(book));
        }

        _csv.WriteField(LoanColumn.Cell(loans));

        return _csv.EndRecordAsync(cancellationToken).AsTask();
    }

    public Task EndAsync(CancellationToken cancellationToken) => _csv.FlushAsync(cancellationToken).AsTask();

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
