namespace Shelf.Core.Domain;

/// <summary>What a ledger row records. Stored as lower-case text, checked by the database.</summary>
public enum SaleKind
{
    /// <summary>Copies sold.</summary>
    Sale,

    /// <summary>Copies of an earlier sale given back; the sale's own row is never changed.</summary>
    Refund,
}
