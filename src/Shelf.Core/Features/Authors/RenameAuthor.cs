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

        var renamed = await CheckThenWrite.RunAsync(db, ct => FindRenamableAsync(reference, name, ct), async (author, ct) =>
        {
            author.Rename(name);
            await db.SaveChangesAsync(ct);
            return Result<Author>.Ok(author);
        }, () => Error.Conflict(AuthorErrorCodes.NameTaken, $"another program gave an author the name {name.Display} at the same moment"), cancellationToken);
        if (!renamed.IsSuccess)
        {
            return renamed.Error!;
        }

        var author = renamed.Value;
        var count = await db.BookAuthors.Where(ba => ba.AuthorId == author.Id).Select(ba => ba.BookId).Distinct().CountAsync(cancellationToken);
        return new AuthorSummary(author.Id, author.Name, author.SortName, count);
    }

    private async Task<Result<Author>> FindRenamableAsync(string reference, AuthorName name, CancellationToken cancellationToken)
    {
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
                $"{other.Name} is already author {other.Id}; to make them one person, merge author {author.Id} into author {other.Id}");
        }

        return author;
    }
}
