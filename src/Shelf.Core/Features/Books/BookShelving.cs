using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Shelves;

namespace Shelf.Core.Features.Books;

/// <summary>Puts a tracked book on shelves and takes it off others; a new shelf name creates the shelf.</summary>
internal sealed class BookShelving(ShelfDbContext db)
{
    /// <summary>Taking a book off a shelf it is not on leaves it as it is (a bulk edit), instead of failing.</summary>
    public bool Lenient { get; init; }

    public async Task<Error?> ApplyAsync(Book book, IReadOnlyList<string> add, IReadOnlyList<string> remove, CancellationToken cancellationToken)
    {
        foreach (var text in remove)
        {
            var key = TextKey.Normalize(text);
            var link = book.Tags.Find(t => t.Tag.NameKey == key);
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

            var key = TextKey.Normalize(name.Value);
            if (book.Tags.Exists(t => t.Tag.NameKey == key))
            {
                continue;
            }

            var tag = await ShelfTags.FindOrAddAsync(db, name.Value, cancellationToken);
            book.Tags.Add(new BookTag { Book = book, Tag = tag });
        }

        return null;
    }
}
