namespace Shelf.Core.Domain;

/// <summary>
/// A person books are lent to. Kept by name and matched like an author (<see cref="AuthorName.Key"/>:
/// case, accents, spacing and "Last, First" order folded), so "anne" and "Anne" are one borrower.
/// </summary>
public class Borrower
{
    public const int MaxContactLength = 300;

    public int Id { get; set; }

    /// <summary>The name as first written: "Anne Dupré".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The matching key; unique.</summary>
    public string NameKey { get; set; } = string.Empty;

    /// <summary>How to reach them (a phone number, an address); free text, optional.</summary>
    public string? Contact { get; set; }

    public List<Loan> Loans { get; set; } = [];
}
