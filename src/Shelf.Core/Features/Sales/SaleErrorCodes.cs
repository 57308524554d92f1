namespace Shelf.Core.Features.Sales;

/// <summary>
/// The stable codes of the errors about the sales ledger.
/// Hosts key their hints and status mappings on these constants, so a renamed or mistyped
/// code fails the build instead of a user.
/// </summary>
public static class SaleErrorCodes
{
    public const string ConcurrentWrite = "sale.concurrent_write";
    public const string CurrencyInvalid = "sale.currency_invalid";
    public const string CurrencyMismatch = "sale.currency_mismatch";
    public const string DateInvalid = "sale.date_invalid";
    public const string DeleteRefunded = "sale.delete_refunded";
    public const string DeleteUnconfirmed = "sale.delete_unconfirmed";
    public const string DiscountInvalid = "sale.discount_invalid";
    public const string EditNothing = "sale.edit_nothing";
    public const string EditRefund = "sale.edit_refund";
    public const string EditRefunded = "sale.edit_refunded";
    public const string FullyRefunded = "sale.fully_refunded";
    public const string NoPrice = "sale.no_price";
    public const string NotFound = "sale.not_found";
    public const string OrderNumberInvalid = "sale.order_number_invalid";
    public const string OrderNumberTaken = "sale.order_number_taken";
    public const string PeriodReversed = "sale.period_reversed";
    public const string PriceInvalid = "sale.price_invalid";
    public const string QuantityMissing = "sale.quantity_missing";
    public const string QuantityNotNumber = "sale.quantity_not_number";
    public const string QuantityNotPositive = "sale.quantity_not_positive";
    public const string QuantityTooLarge = "sale.quantity_too_large";
    public const string RefundOfRefund = "sale.refund_of_refund";
    public const string RefundTooMany = "sale.refund_too_many";
}
