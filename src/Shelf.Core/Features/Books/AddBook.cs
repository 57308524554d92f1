using System.Data.Common;
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
        var prepared = Prepare(request);
        if (!prepared.IsSuccess)
        {
            return prepared.Error!;
        }

        var (book, credits) = prepared.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await WriteAsync(new BookInserter(db), book, credits, request.AllowDuplicate, cancellationToken) is { } refused)
        {
            return refused;
        }

        await transaction.CommitAsync(cancellationToken);
        return BookQueries.DetailsOf(book);
    }

    /// <summary>The same on a SQLite library opened without EF: the same statements in the same one transaction.</summary>
    public static async Task<Result<BookDetails>> ExecuteAsync(SqliteLibrary library, AddBookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        var prepared = Prepare(request);
        if (!prepared.IsSuccess)
        {
            return prepared.Error!;
        }

        var (book, credits) = prepared.Value;
        var (transaction, connection) = await library.BeginWriteAsync(cancellationToken);
        await using (transaction)
        {
            if (await WriteAsync(new BookInserter(connection), book, credits, request.AllowDuplicate, cancellationToken) is { } refused)
            {
                return refused;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return BookQueries.DetailsOf(book);
    }

    // The request checked and turned into a book and its credits, before anything is asked of the database.
    private static Result<(Book Book, IReadOnlyList<(AuthorName Name, AuthorRole Role)> Credits)> Prepare(AddBookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
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
        return (book, credits.Value);
    }

    // Inside the caller's transaction: refuses a duplicate, else writes the book and its credits (null).
    private static async Task<Error?> WriteAsync(BookInserter inserter, Book book, IReadOnlyList<(AuthorName Name, AuthorRole Role)> credits, bool allowDuplicate, CancellationToken cancellationToken)
    {
        if (await FindDuplicateAsync(inserter, book, credits[0].Name, allowDuplicate, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        for (var position = 0; position < credits.Count; position++)
        {
            var (name, role) = credits[position];
            book.Authors.Add(new BookAuthor { Author = await inserter.FindOrInsertAuthorAsync(name, cancellationToken), Position = position, Role = role });
        }

        try
        {
            await inserter.InsertAsync(book, cancellationToken);
        }
        catch (DbException e) when (DatabaseErrors.IsUniqueViolation(e) && book.Isbn13 is not null)
        {
            // Another writer added the same ISBN between our check and our insert.
            return Error.Conflict(BookErrorCodes.DuplicateIsbn, $"ISBN {book.Isbn13} was added to the library by another program a moment ago");
        }

        return null;
    }

    private static async Task<Error?> FindDuplicateAsync(BookInserter inserter, Book book, AuthorName firstAuthor, bool allowDuplicate, CancellationToken cancellationToken)
    {
        if (book.Isbn13 is { } isbn && await inserter.FindByIsbnAsync(isbn, cancellationToken) is { } sameIsbn)
        {
            return Error.Conflict(BookErrorCodes.DuplicateIsbn, $"ISBN {isbn} is already in the library as book {sameIsbn.Id}, \"{sameIsbn.Title}\"");
        }

        if (allowDuplicate || await inserter.FindSameWorkAsync(book.TitleKey, firstAuthor.Key, cancellationToken) is not { } sameWork)
        {
            return null;
        }

        return Error.Conflict(BookErrorCodes.Duplicate, $"\"{sameWork.Title}\" by {firstAuthor.Display} is already in the library as book {sameWork.Id}");
    }
}
