using Shelf.Core.Domain;

namespace Shelf.Core.Features.Sales;

/// <summary>One ledger row as hosts show it; amounts are decimals with the currency's scale (9.99).</summary>
public sealed record SaleView
{
    public required long Id { get; init; }

    public required string OrderNumber { get; init; }

    public required SaleKind Kind { get; init; }

    /// <summary>For a refund, the order number of the sale it refunds.</summary>
    public string? RefundOf { get; init; }

    /// <summary>The book's id; null once the book has been removed from the catalog.</summary>
    public int? BookId { get; init; }

    /// <summary>The title when the sale was recorded.</summary>
    public required string Title { get; init; }

    public string? Isbn13 { get; init; }

    /// <summary>The book's first author when the sale was recorded.</summary>
    public string? Author { get; init; }

    public required int Quantity { get; init; }

    public required decimal UnitPrice { get; init; }

    /// <summary>A fraction: 0.15 for 15%.</summary>
    public required decimal Discount { get; init; }

    public required decimal Total { get; init; }

    public required string Currency { get; init; }

    public required DateTime SoldAt { get; init; }

    public required DateTime RecordedAt { get; init; }

    internal static SaleView From(Sale sale, string? refundOf) => new()
    {
        Id = sale.Id,
        OrderNumber = sale.OrderNumber,
        Kind = sale.Kind,
        RefundOf = refundOf,
        BookId = sale.BookId,
        Title = sale.BookTitle,
        Isbn13 = sale.BookIsbn13,
        Author = sale.BookAuthor,
        Quantity = sale.Quantity,
        UnitPrice = Money.ToAmount(sale.UnitPriceMinor, sale.Currency),
        Discount = sale.Discount.Fraction,
        Total = Money.ToAmount(sale.TotalMinor, sale.Currency),
        Currency = sale.Currency,
        SoldAt = sale.SoldAt,
        RecordedAt = sale.RecordedAt,
    };
}

/// <summary>A sale with its refunds, or a refund on its own.</summary>
public sealed record SaleDetails(SaleView Sale, IReadOnlyList<SaleView> Refunds)
{
    /// <summary>Copies already given back (0 for a refund row).</summary>
    public int RefundedQuantity => Refunds.Sum(r => r.Quantity);

    /// <summary>Copies that can still be refunded (0 for a refund row).</summary>
    public int RefundableQuantity => Sale.Kind == SaleKind.Sale ? Sale.Quantity - RefundedQuantity : 0;
}

/// <summary>A page of ledger rows and, when asked for, how many match in all.</summary>
public sealed record SalePage(IReadOnlyList<SaleView> Sales, int? Total);

/// <summary>The book a sale is recorded for, with what the sale copies from it.</summary>
internal sealed record BookForSale(int Id, string Title, string? Isbn13, string? FirstAuthor, long? ListPriceMinor, string? ListPriceCurrency)
{
    /// <summary>A sale of this book, its total worked out and its title, ISBN and author copied in.</summary>
    public Sale Sell(int quantity, Money price, Discount discount, DateTime soldAt, DateTime recordedAt, string? orderNumber) => new()
    {
        OrderNumber = orderNumber ?? Domain.OrderNumber.NewSale(),
        Kind = SaleKind.Sale,
        BookId = Id,
        BookTitle = Title,
        BookIsbn13 = Isbn13,
        BookAuthor = FirstAuthor,
        Quantity = quantity,
        UnitPriceMinor = price.Minor,
        DiscountBasisPoints = discount.BasisPoints,
        TotalMinor = SaleMath.OrderTotal(quantity, price.Minor, discount),
        Currency = price.Currency,
        SoldAt = soldAt,
        RecordedAt = recordedAt,
    };
}
