using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Authors;

/// <summary>
/// Corrects how an author's name is written. Renaming onto another author's name is refused:
/// that is a merge, and merging people must be asked for, never done as a side effect.
/// </summary>
public sealed class RenameAuthor(ShelfDbContext db)
{
    public async Task<Result<AuthorSummary>> ExecuteAsync(string reference, string? newName, CancellationToken cancellationToken)
    {
        if (!AuthorName.TryParse(newName, out var name, out var nameError))
        {
            return Error.Invalid(AuthorErrorCodes.NameInvalid, $"new name '{UserText.Shorten(newName)}': {nameError}");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await AuthorLookup.FindAsync(db, reference, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var author = found.Value;
        var other = await db.Authors.Where(a => a.NameKey == name.Key && a.Id != author.Id).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            return Error.Conflict(
                AuthorErrorCodes.NameTaken,
                $"{other.Name} is already author {other.Id}; to make them one person, merge: shelf author merge {author.Id} {other.Id}");
        }

        author.Rename(name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var count = await db.BookAuthors.Where(ba => ba.AuthorId == author.Id).Select(ba => ba.BookId).Distinct().CountAsync(cancellationToken);
        return new AuthorSummary(author.Id, author.Name, author.SortName, count);
    }
}
