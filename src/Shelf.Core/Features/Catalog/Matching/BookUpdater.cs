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
        if (fields.HasFlag(CatalogField.Subtitle)) { book.Subtitle = record.Subtitle; }
        if (fields.HasFlag(CatalogField.Publisher)) { book.Publisher = record.Publisher; }
        if (fields.HasFlag(CatalogField.YearPublished)) { book.YearPublished = record.YearPublished; }
        if (fields.HasFlag(CatalogField.OriginalPublicationYear)) { book.OriginalPublicationYear = record.OriginalPublicationYear; }
        if (fields.HasFlag(CatalogField.Language)) { book.Language = record.Language; }
        if (fields.HasFlag(CatalogField.Format)) { book.Format = record.Format; }
        if (fields.HasFlag(CatalogField.Pages)) { book.Pages = record.Pages; }
        if (fields.HasFlag(CatalogField.Series))
        {
            book.Series = record.Series;
            book.SeriesNumber = record.SeriesNumber;
        }

        if (fields.HasFlag(CatalogField.Description)) { book.Description = record.Description; }
        if (fields.HasFlag(CatalogField.ListPrice))
        {
            book.ListPriceMinor = record.ListPriceMinor;
            book.ListPriceCurrency = record.ListPriceCurrency;
        }

        if (fields.HasFlag(CatalogField.Rating)) { book.Rating = record.Rating; }
        if (fields.HasFlag(CatalogField.Status)) { book.Status = record.Status; }
        if (fields.HasFlag(CatalogField.DateStarted)) { book.DateStarted = record.DateStarted; }
        if (fields.HasFlag(CatalogField.DateRead)) { book.DateRead = record.DateRead; }
        if (fields.HasFlag(CatalogField.ReadCount)) { book.ReadCount = record.ReadCount ?? 0; }
        if (fields.HasFlag(CatalogField.Review)) { book.Review = record.Review; }
        if (fields.HasFlag(CatalogField.PrivateNotes)) { book.PrivateNotes = record.PrivateNotes; }
        if (fields.HasFlag(CatalogField.OwnedCopies)) { book.OwnedCopies = record.OwnedCopies; }
        if (fields.HasFlag(CatalogField.Location)) { book.Location = record.Location; }
        if (fields.HasFlag(CatalogField.AddedAt) && record.AddedAt is { } added) { book.AddedAt = added; }
    }

    private void ApplyIsbn(Book book, CatalogRecord record, CatalogField fields, List<string> warnings)
    {
        if (!fields.HasFlag(CatalogField.Isbn) || record.Isbn13 is not { } isbn || isbn == book.Isbn13)
        {
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
