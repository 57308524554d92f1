using CsvHelper;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog;

namespace Shelf.Core.Features.Sales;

/// <summary>
/// One CSV row of a sales import, as text, with where it came from: <c>Raw</c> as read (UTF-8,
/// for messages) and <c>Original</c> as the file has it (for a rejects file).
/// </summary>
internal sealed record SaleImportRow(long Line, byte[] Raw, byte[] Original, string Book, string? OrderNumber, string Quantity, string? Price, string? Discount, string? Currency, string? SoldAt);

/// <summary>Where each column of a sales import is, found by name in the header.</summary>
internal sealed class SaleImportColumns
{
    private readonly string[] _header;
    private readonly int[] _book;
    private readonly int _orderNumber;
    private readonly int _quantity;
    private readonly int _price;
    private readonly int _discount;
    private readonly int _currency;
    private readonly int _soldAt;

    private SaleImportColumns(string[] header)
    {
        _header = header;
        _book = [.. new[] { Index("book"), Index("isbn"), Index("book_id") }.Where(i => i >= 0)];
        _orderNumber = Index("order_number");
        _quantity = Index("quantity");
        _price = Index("unit_price", "price");
        _discount = Index("discount");
        _currency = Index("currency");
        _soldAt = Index("sold_at", "date");
    }

    /// <summary>The columns a sales file may have; the first two are required.</summary>
    public static IReadOnlyList<string> Names { get; } = ["book (or isbn, book_id)", "quantity", "unit_price", "discount", "currency", "sold_at", "order_number"];

    public static Result<SaleImportColumns> Find(string[] header)
    {
        var columns = new SaleImportColumns(header);
        var missing = new List<string>();
        if (columns._book.Length == 0)
        {
            missing.Add("book (or isbn, book_id)");
        }

        if (columns._quantity < 0)
        {
            missing.Add("quantity");
        }

        return missing.Count == 0
            ? columns
            : Error.Invalid(
                CatalogErrorCodes.UnknownFormat,
                $"the file has no column {string.Join(" or ", missing)}; a sales file has a header with {string.Join(", ", Names)} (the first two required)");
    }

    /// <param name="reader">The reader on the row.</param>
    /// <param name="original">The row as the file has it, for the rejects file.</param>
    public SaleImportRow Read(CsvReader reader, byte[] original)
    {
        string? Field(int column) => column >= 0 && column < reader.FieldCount ? reader.GetString(column) : null;

        var book = _book.Select(Field).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value)) ?? string.Empty;
        return new SaleImportRow(
            reader.LineNumber,
            reader.RawRecord.ToArray(),
            original,
            book,
            Blank(Field(_orderNumber)),
            Field(_quantity) ?? string.Empty,
            Blank(Field(_price)),
            Blank(Field(_discount)),
            Blank(Field(_currency)),
            Blank(Field(_soldAt)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private int Index(params string[] names)
    {
        foreach (var name in names)
        {
            var index = Array.FindIndex(_header, h => string.Equals(h.Trim().TrimStart('\uFEFF'), name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }
}
