using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Authors;

/// <summary>Shows an author, by id or name, with their books.</summary>
public sealed class GetAuthor(ShelfDbContext db)
{
    public async Task<Result<AuthorDetails>> ExecuteAsync(string reference, CancellationToken cancellationToken)
    {
        var found = await AuthorLookup.FindAsync(db, reference, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var author = found.Value;
        var books = await db.BookAuthors.AsNoTracking()
            .Where(ba => ba.AuthorId == author.Id)
            .OrderBy(ba => ba.Book.TitleKey).ThenBy(ba => ba.BookId)
            .Select(ba => new AuthoredBook(ba.BookId, ba.Book.Title, ba.Book.YearPublished, ba.Role, ba.Position))
            .ToListAsync(cancellationToken);
        return new AuthorDetails(
            author.Id,
            author.Name,
            author.SortName,
            author.FirstName,
            author.LastName,
            books.Select(b => b.Id).Distinct().Count(),
            books);
    }
}
