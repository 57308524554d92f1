using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// Shelf's own CSV export (<c>shelf export --format csv</c>): every field of a book, its shelves,
/// its ids in other systems and the extras of every source, so export and import round-trip.
/// </summary>
internal sealed class ShelfFormat : ICatalogFormat
{
    public string Name => "shelf";

    public string Description => "Shelf's own CSV export";

    public IReadOnlyList<string> Signature { get; } = [BookFields.Title.CsvColumn, BookFields.Authors.CsvColumn, BookFields.Isbn13.CsvColumn, BookFields.Identifiers.CsvColumn, BookFields.Extras.CsvColumn];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    /// <summary>Every column is a <see cref="BookFields"/> label, read back by its field.</summary>
    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private readonly Dictionary<BookField, int> _columns = BookFields.Exported.ToDictionary(f => f, f => h.Find(f.CsvColumn));

        // Exports before loans were exported have no such column.
        private readonly int _loans = h.Find(LoanColumn.Label);

        public CatalogField Fields => FieldSet.Of([.. _columns.Select(c => (c.Key.Field, c.Value))]);

        public string? ExtrasSource => null;

        public bool DecodesEntities => false;

        public void Map(CatalogRow row)
        {
            row.Record.ListedOnce = true;
            var cells = new ShelfCsvCells(row, _columns);
            foreach (var field in BookFields.Exported)
            {
                field.ReadBack!(cells, _columns[field]);
            }

            LoanColumn.Read(row, _loans);
        }
    }
}
