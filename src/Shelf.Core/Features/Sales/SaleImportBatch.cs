using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Importing;
using Shelf.Core.Features.Catalog;

namespace Shelf.Core.Features.Sales;

/// <summary>
/// Rows of a sales import waiting to be checked: one query finds the batch's books and one the
/// order numbers the ledger already has, instead of two queries per row.
/// </summary>
internal sealed class SaleImportBatch(ShelfDbContext db, string defaultCurrency, DateTime now)
{
    private readonly List<SaleImportRow> _rows = [];

    // What each book reference of the file names (null: no such book); the file's own order
    // numbers and the line that used each first.
    private readonly Dictionary<string, BookForSale?> _books = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _orderNumbers = new(StringComparer.Ordinal);

    public int Count => _rows.Count;

    public void Add(SaleImportRow row) => _rows.Add(row);

    /// <summary>
    /// Turns the rows into sales, adds the bad ones to <paramref name="rejected"/> and, as the file
    /// had them, to <paramref name="rejects"/>, and empties the batch.
    /// </summary>
    public async Task<List<Sale>> ValidateAsync(List<SaleImportRejection> rejected, RejectsFile? rejects, CancellationToken cancellationToken)
    {
        await LoadBooksAsync(cancellationToken);
        var taken = await TakenOrderNumbersAsync(cancellationToken);
        var sales = new List<Sale>(_rows.Count);
        foreach (var row in _rows)
        {
            var sale = Build(row, taken);
            if (sale.IsSuccess)
            {
                sales.Add(sale.Value);
            }
            else
            {
                rejected.Add(new SaleImportRejection(row.Line, sale.Error!.Message, System.Text.Encoding.UTF8.GetString(row.Raw)));
                rejects?.Write(row.Original);
            }
        }

        _rows.Clear();
        return sales;
    }

    private Result<Sale> Build(SaleImportRow row, HashSet<string> taken)
    {
        var quantity = SaleRules.Quantity(row.Quantity);
        var discount = SaleRules.Discount(row.Discount);
        var soldAt = SaleRules.SoldAt(row.SoldAt, now);
        var orderNumber = SaleRules.OrderNumber(row.OrderNumber);
        if (Error.FirstOf(quantity.Error, discount.Error, soldAt.Error, orderNumber.Error) is { } invalid)
        {
            return invalid;
        }

        if (row.Book.Trim().Length == 0)
        {
            return Error.Invalid(CatalogErrorCodes.NoBook, "the row names no book; give its id or ISBN");
        }

        if (_books.GetValueOrDefault(Key(row.Book)) is not { } book)
        {
            return BookErrors.NotFound(row.Book);
        }

        var price = SaleRules.UnitPrice(row.Price, row.Currency, defaultCurrency, book);
        if (!price.IsSuccess)
        {
            return price.Error!;
        }

        if (orderNumber.Value is { } given)
        {
            if (taken.Contains(given))
            {
                return SaleErrors.OrderNumberTaken(given);
            }

            if (!_orderNumbers.TryAdd(given, row.Line))
            {
                return Error.Conflict(CatalogErrorCodes.OrderNumberRepeated, $"order number {given} is already used on line {_orderNumbers[given]} of this file");
            }
        }

        return book.Sell(quantity.Value, price.Value, discount.Value, soldAt.Value, now, orderNumber.Value);
    }

    // A valid ISBN names a book by ISBN; otherwise a whole number names it by id.
    private async Task LoadBooksAsync(CancellationToken cancellationToken)
    {
        var unknown = _rows.Select(r => Key(r.Book)).Where(k => k.Length > 0 && !_books.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var isbns = new List<string>();
        var ids = new List<int>();
        foreach (var key in unknown)
        {
            if (Isbn.TryParse(key, out var isbn, out _))
            {
                isbns.Add(isbn.Value);
            }
            else if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
        }

        // EF.Parameter sends each list as one array parameter (json_each on SQLite, = ANY on
        // PostgreSQL). EF 10's default writes one parameter per element: thousands per batch,
        // slower to prepare, and past the databases' parameter limits on a large file.
        var found = await db.Books.AsNoTracking()
            .Where(b => (b.Isbn13 != null && EF.Parameter(isbns).Contains(b.Isbn13)) || EF.Parameter(ids).Contains(b.Id))
            .Select(SaleQueries.ToBookForSale)
            .ToListAsync(cancellationToken);
        var byIsbn = found.Where(b => b.Isbn13 is not null).ToDictionary(b => b.Isbn13!, StringComparer.Ordinal);
        var byId = found.ToDictionary(b => b.Id);
        foreach (var key in unknown)
        {
            _books[key] = Isbn.TryParse(key, out var isbn, out _)
                ? byIsbn.GetValueOrDefault(isbn.Value)
                : int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? byId.GetValueOrDefault(id) : null;
        }
    }

    private async Task<HashSet<string>> TakenOrderNumbersAsync(CancellationToken cancellationToken)
    {
        var given = _rows.Where(r => r.OrderNumber is not null).Select(r => r.OrderNumber!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (given.Count == 0)
        {
            return [];
        }

        // One array parameter, as in LoadBooksAsync.
        var taken = await db.Sales.Where(s => EF.Parameter(given).Contains(s.OrderNumber)).Select(s => s.OrderNumber).ToListAsync(cancellationToken);
        return taken.ToHashSet(StringComparer.Ordinal);
    }

    private static string Key(string reference) => reference.Trim();
}
