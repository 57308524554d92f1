using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Shelves;

namespace Shelf.Core.Features.Catalog.Matching;

/// <summary>
/// Applies what a newer export says to a book already in the library (<c>--update</c>), through
/// EF in the import's transaction: only the fields the file carries, shelves and ids added but
/// never removed, the source's extras replaced. Updates are few next to the rows of a bulk
/// import, so they take the ordinary, tracked path.
/// </summary>
internal sealed class BookUpdater(ShelfDbContext db, LibraryKeys keys)
{
    /// <summary>Returns warnings for changes that could not be made (an ISBN or id that belongs to another book).</summary>
    public async Task<List<string>> ApplyAsync(int bookId, CatalogRecord record, CatalogField fields, string? extrasSource, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var book = await db.Books
            .Include(b => b.Authors).ThenInclude(a => a.Author)
            .Include(b => b.Tags).ThenInclude(t => t.Tag)
            .Include(b => b.Identifiers)
            .AsSplitQuery()
            .SingleAsync(b => b.Id == bookId, cancellationToken);

        if (fields.HasFlag(CatalogField.Title))
        {
            book.SetTitle(record.Title);
        }

        Apply(book, record, fields);
        ApplyIsbn(book, record, fields, warnings);
        if (fields.HasFlag(CatalogField.Extras))
        {
            var extras = BookExtras.Parse(book.Extras);
            if (extrasSource is null)
            {
                extras = record.Extras;
            }
            else
            {
                extras.Replace(extrasSource, record.Extras.For(extrasSource));
            }

            book.Extras = extras.ToJson();
        }

        foreach (var (scheme, value) in RecordDifferences.MissingIdentifiers(book, record).ToList())
        {
            if (keys.IdentifierOwner(scheme, value) is { } owner && owner != book.Id)
            {
                warnings.Add($"{scheme}:{value} already belongs to book {owner}; not added to book {book.Id}");
                continue;
            }

            book.Identifiers.Add(new BookIdentifier { Scheme = scheme, Value = value });
            keys.RememberIdentifier(scheme, value, book.Id);
        }

        await AddTagsAsync(book, record, cancellationToken);
        if (fields.HasFlag(CatalogField.Authors) && !RecordDifferences.SameCredits(book, record))
        {
            await new BookInserter(db).ReplaceCreditsAsync(book, record.Credits, cancellationToken);
        }

        book.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return warnings;
    }

    private static void Apply(Book book, CatalogRecord record, CatalogField fields)
    {
        foreach (var field in BookFields.All)
        {
            if (field.Field != CatalogField.None && fields.HasFlag(field.Field))
            {
                field.Apply(book, record);
            }
        }
    }

    private void ApplyIsbn(Book book, CatalogRecord record, CatalogField fields, List<string> warnings)
    {
        if (!fields.HasFlag(CatalogField.Isbn) || record.Isbn13 is not { } isbn || isbn == book.Isbn13)
        {
            return;
        }

        // A book's ISBN says which edition it is: an update may give a book its first ISBN, never another one.
        if (book.Isbn13 is not null)
        {
            warnings.Add($"the file gives ISBN {isbn} for book {book.Id}, which has ISBN {book.Isbn13}; the book keeps its ISBN");
            return;
        }

        if (keys.IsbnOwner(isbn) is { } owner && owner != book.Id)
        {
            warnings.Add($"ISBN {isbn} already belongs to book {owner}; book {book.Id} keeps {book.Isbn13 ?? "no ISBN"}");
            return;
        }

        book.Isbn13 = isbn;
        keys.RememberIsbn(isbn, book.Id);
    }

    private async Task AddTagsAsync(Book book, CatalogRecord record, CancellationToken cancellationToken)
    {
        foreach (var name in RecordDifferences.MissingTags(book, record).ToList())
        {
            var tag = await ShelfTags.FindOrAddAsync(db, name, cancellationToken);
            book.Tags.Add(new BookTag { Tag = tag });
        }
    }
}
