namespace Shelf.Core.Domain;

/// <summary>
/// One row of the sales ledger: a sale, or a refund of copies of an earlier sale. Rows record
/// what happened: a refund is a row of its own and never rewrites the sale it refunds.
/// </summary>
public class Sale
{
    public long Id { get; set; }

    /// <summary>Unique; given by the user or made by <see cref="Domain.OrderNumber"/>.</summary>
    public string OrderNumber { get; set; } = string.Empty;

    public SaleKind Kind { get; set; } = SaleKind.Sale;

    /// <summary>For a refund, the sale it gives copies back from.</summary>
    public long? RefundOfSaleId { get; set; }

    public Sale? RefundOf { get; set; }

    /// <summary>The book sold; null once the book has been removed from the catalog.</summary>
    public int? BookId { get; set; }

    public Book? Book { get; set; }

    /// <summary>The book's title when it was sold, kept so removing the book never rewrites history.</summary>
    public string BookTitle { get; set; } = string.Empty;

    /// <summary>The book's ISBN-13 when it was sold.</summary>
    public string? BookIsbn13 { get; set; }

    /// <summary>The book's first author when it was sold.</summary>
    public string? BookAuthor { get; set; }

    /// <summary>Copies sold or refunded; always more than 0.</summary>
    public int Quantity { get; set; }

    /// <summary>Price of one copy before the discount, in minor units of <see cref="Currency"/>.</summary>
    public long UnitPriceMinor { get; set; }

    /// <summary>Discount in basis points (<see cref="Domain.Discount"/>): 1500 is 15%.</summary>
    public int DiscountBasisPoints { get; set; }

    /// <summary>What was paid (a sale) or paid back (a refund), in minor units; see <see cref="SaleMath"/>.</summary>
    public long TotalMinor { get; set; }

    /// <summary>ISO 4217 code of every amount on the row.</summary>
    public string Currency { get; set; } = Domain.Currency.Fallback;

    /// <summary>When the sale or refund happened (UTC).</summary>
    public DateTime SoldAt { get; set; }

    /// <summary>When the row was written (UTC).</summary>
    public DateTime RecordedAt { get; set; }

    public Discount Discount => new(DiscountBasisPoints);
}
