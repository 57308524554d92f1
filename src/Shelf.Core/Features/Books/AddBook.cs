using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Books;

/// <summary>What the user gave for a new book; numbers and ISBN as typed, so the rules can say what is wrong.</summary>
public sealed record AddBookRequest(string? Title, IReadOnlyList<AuthorCredit> Authors)
{
    public string? Subtitle { get; init; }

    public string? Pages { get; init; }

    public string? Isbn { get; init; }

    public string? Year { get; init; }

    public string? Publisher { get; init; }

    /// <summary>List price as typed ("9.99").</summary>
    public string? Price { get; init; }

    /// <summary>Currency of <see cref="Price"/>; <see cref="DefaultCurrency"/> when not given.</summary>
    public string? Currency { get; init; }

    /// <summary>The host's default currency (the CLI reads <c>SHELF_CURRENCY</c>).</summary>
    public string DefaultCurrency { get; init; } = Domain.Currency.Fallback;

    /// <summary>Keep a second book with the same title and first author (another edition). Never bypasses a duplicate ISBN.</summary>
    public bool AllowDuplicate { get; init; }
}

/// <summary>
/// Adds a book: reuses authors that already exist, refuses a duplicate (same ISBN, or same
/// title and first author), and writes everything in one transaction.
/// </summary>
public sealed class AddBook(ShelfDbContext db)
{
    public async Task<Result<BookDetails>> ExecuteAsync(AddBookRequest request, CancellationToken cancellationToken)
    {
        var title = BookRules.Title(request.Title);
        var subtitle = BookRules.Text(request.Subtitle, "subtitle", Book.MaxTitleLength);
        var pages = BookRules.Pages(request.Pages);
        var isbn = BookRules.Isbn13(request.Isbn);
        var year = BookRules.Year(request.Year);
        var publisher = BookRules.Text(request.Publisher, "publisher");
        var credits = BookRules.Credits(request.Authors);
        var price = BookRules.ListPrice(request.Price, request.Currency, request.DefaultCurrency);
        if (Error.FirstOf(title.Error, subtitle.Error, pages.Error, isbn.Error, year.Error, publisher.Error, credits.Error, price.Error) is { } invalid)
        {
            return invalid;
        }

        var book = new Book
        {
            Subtitle = subtitle.Value,
            Pages = pages.Value,
            Isbn13 = isbn.Value,
            YearPublished = year.Value,
            Publisher = publisher.Value,
            ListPriceMinor = price.Value?.Minor,
            ListPriceCurrency = price.Value?.Currency,
        };
        book.SetTitle(title.Value);

        // Two writers adding the same new author at once (possible on PostgreSQL, where
        // transactions do not queue like SQLite's) collide on the author key; the loser tries
        // again and then finds the author, or the book, the winner wrote.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AddOnceAsync(book, credits.Value, request.AllowDuplicate, cancellationToken);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e) && attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                book.Authors.Clear();
                book.Id = 0;
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                return Error.Conflict("book.concurrent_duplicate", "other programs kept adding the same book or author at the same moment; run the command again");
            }
        }
    }

    private const int MaxAttempts = 3;

    private async Task<Result<BookDetails>> AddOnceAsync(
        Book book, IReadOnlyList<(AuthorName Name, AuthorRole Role)> credits, bool allowDuplicate, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FindDuplicateAsync(book.Title, credits[0].Name, book.Isbn13, allowDuplicate, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        var authors = new AuthorDirectory(db);
        for (var position = 0; position < credits.Count; position++)
        {
            var (name, role) = credits[position];
            book.Authors.Add(new BookAuthor
            {
                Author = await authors.FindOrCreateAsync(name, cancellationToken),
                Position = position,
                Role = role,
            });
        }

        db.Books.Add(book);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return BookQueries.DetailsOf(book);
    }

    private async Task<Error?> FindDuplicateAsync(string title, AuthorName firstAuthor, string? isbn, bool allowDuplicate, CancellationToken cancellationToken)
    {
        if (isbn is not null)
        {
            var sameIsbn = await db.Books.Where(b => b.Isbn13 == isbn).Select(b => new { b.Id, b.Title }).FirstOrDefaultAsync(cancellationToken);
            if (sameIsbn is not null)
            {
                return Error.Conflict("book.duplicate_isbn", $"ISBN {isbn} is already in the library as book {sameIsbn.Id}, \"{sameIsbn.Title}\"");
            }
        }

        if (allowDuplicate)
        {
            return null;
        }

        var titleKey = TextKey.Normalize(title);
        var sameWork = await db.Books
            .Where(b => b.TitleKey == titleKey && b.Authors.Any(a => a.Position == 0 && a.Author.NameKey == firstAuthor.Key))
            .Select(b => new { b.Id, b.Title })
            .FirstOrDefaultAsync(cancellationToken);
        return sameWork is null
            ? null
            : Error.Conflict("book.duplicate", $"\"{sameWork.Title}\" by {firstAuthor.Display} is already in the library as book {sameWork.Id}");
    }
}
