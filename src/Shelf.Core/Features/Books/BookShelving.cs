using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Shelves;

namespace Shelf.Core.Features.Books;

/// <summary>Puts a tracked book on shelves and takes it off others; a new shelf name (exactly as written) creates the shelf.</summary>
internal sealed class BookShelving(ShelfDbContext db)
{
    /// <summary>Taking a book off a shelf it is not on leaves it as it is (a bulk edit), instead of failing.</summary>
    public bool Lenient { get; init; }

    public async Task<Error?> ApplyAsync(Book book, IReadOnlyList<string> add, IReadOnlyList<string> remove, CancellationToken cancellationToken)
    {
        foreach (var text in remove)
        {
            // The shelf of exactly that name, else the one shelf of the book whose name folds to it.
            var written = BookRules.CollapseSpaces(text);
            var fold = ShelfKey.Fold(written);
            var folded = book.Tags.FindAll(t => ShelfKey.Matches(t.Tag.NameKey, fold));
            var link = book.Tags.Find(t => t.Tag.Name == written) ?? (folded.Count == 1 ? folded[0] : null);
            if (link is null)
            {
                if (Lenient)
                {
                    continue;
                }

                return Error.NotFound(ShelfErrorCodes.BookNotOnIt, $"book {book.Id} is not on the shelf '{UserText.Shorten(text)}'");
            }

            book.Tags.Remove(link);
        }

        foreach (var text in add)
        {
            var name = PersonalRules.ShelfName(text);
            if (!name.IsSuccess)
            {
                return name.Error;
            }

            if (book.Tags.Exists(t => t.Tag.Name == name.Value))
            {
                continue;
            }

            var tag = await ShelfTags.FindOrAddAsync(db, name.Value, cancellationToken);
            book.Tags.Add(new BookTag { Book = book, Tag = tag });
        }

        return null;
    }
}
