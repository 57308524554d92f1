using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog;

/// <summary>
/// One row of Shelf's own CSV export as <see cref="BookField.ReadBack"/> reads it: the row, and
/// where each field's column is, for a value the export writes in two columns (a price's amount
/// and currency).
/// </summary>
internal readonly record struct ShelfCsvCells(CatalogRow Row, IReadOnlyDictionary<BookField, int> Columns)
{
    public CatalogRecord Record => Row.Record;

    /// <summary>The column of <paramref name="field"/>, or -1 when the file lacks it.</summary>
    public int Of(BookField field) => Columns[field];
}
