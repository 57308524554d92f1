using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Matching;

/// <summary>
/// A row that names a book's person in mixed case while the library has them in capitals
/// ("John Saul" for "JOHN SAUL") renames them, even when the book itself is unchanged: the bulk
/// writers do the same for the books they add (<see cref="AuthorName.IsBetterCased"/>). The
/// person's key is the same, so no credit, match or search changes.
/// </summary>
internal static class BetterCasedNames
{
    public static async Task ApplyAsync(ShelfDbContext db, Book book, CatalogRecord record, CancellationToken cancellationToken)
    {
        foreach (var credit in book.Authors)
        {
            var author = credit.Author;
            var given = record.Credits.Find(c => c.Name.Key == author.NameKey).Name;
            if (given is null || !given.IsBetterCasedThan(author.Name))
            {
                continue;
            }

            await db.Authors.Where(a => a.Id == author.Id).ExecuteUpdateAsync(
                set => set.SetProperty(a => a.Name, given.Display).SetProperty(a => a.SortName, given.Sort).SetProperty(a => a.FirstName, given.First).SetProperty(a => a.LastName, given.Last),
                cancellationToken);
            author.Rename(given);
        }
    }
}
