using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Matching;

/// <summary>
/// For a file that adds people to books (<see cref="Formats.ICatalogMapper.AddsCredits"/>): a
/// row's credits become the book's credits in their order followed by the row's people the book
/// does not have yet, so comparing and updating add people and never take one away.
/// </summary>
internal static class CreditUnion
{
    public static void Into(Book book, CatalogRecord record)
    {
        var given = record.Credits.ToList();
        record.Credits.Clear();
        foreach (var credit in book.Authors.OrderBy(a => a.Position))
        {
            if (AuthorName.TryParse(credit.Author.Name, out var name, out _))
            {
                record.AddCredit(name, credit.Role);
            }
        }

        foreach (var (name, role) in given)
        {
            record.AddCredit(name, role);
        }
    }
}
