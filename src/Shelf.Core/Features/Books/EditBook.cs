using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Authors;

namespace Shelf.Core.Features.Books;

/// <summary>
/// Changes to one book. For each text field null leaves it as it is and "" clears it.
/// <see cref="Authors"/> replaces the credits in the order given (that is how they are
/// reordered); <see cref="AddAuthors"/> appends and <see cref="RemoveAuthors"/> drops people.
/// </summary>
public sealed record EditBookRequest(string Reference)
{
    public string? Title { get; init; }

    public string? Subtitle { get; init; }

    public string? Pages { get; init; }

    public string? Isbn { get; init; }

    public string? Year { get; init; }

    public string? Publisher { get; init; }

    /// <summary>New list price as typed ("9.99"); "" clears it.</summary>
    public string? Price { get; init; }

    /// <summary>Currency of <see cref="Price"/>; <see cref="DefaultCurrency"/> when not given.</summary>
    public string? Currency { get; init; }

    /// <summary>The host's default currency (the CLI reads <c>SHELF_CURRENCY</c>).</summary>
    public string DefaultCurrency { get; init; } = Domain.Currency.Fallback;

    public IReadOnlyList<AuthorCredit>? Authors { get; init; }

    public IReadOnlyList<AuthorCredit> AddAuthors { get; init; } = [];

    public IReadOnlyList<string> RemoveAuthors { get; init; } = [];

    /// <summary>1 to 5 stars; "" or "0" clears.</summary>
    public string? Rating { get; init; }

    /// <summary>want-to-read, reading, read, abandoned, or the user's own exclusive shelf.</summary>
    public string? Status { get; init; }

    public string? DateStarted { get; init; }

    public string? DateRead { get; init; }

    public string? ReadCount { get; init; }

    public string? Review { get; init; }

    public string? PrivateNotes { get; init; }

    public string? OwnedCopies { get; init; }

    public string? Location { get; init; }

    /// <summary>Shelves to put the book on; created when new.</summary>
    public IReadOnlyList<string> AddShelves { get; init; } = [];

    public IReadOnlyList<string> RemoveShelves { get; init; } = [];

    internal bool ChangesNothing =>
        Title is null && Subtitle is null && Pages is null && Isbn is null && Year is null && Publisher is null && Price is null && Currency is null
        && Authors is null && AddAuthors.Count == 0 && RemoveAuthors.Count == 0
        && Rating is null && Status is null && DateStarted is null && DateRead is null && ReadCount is null
        && Review is null && PrivateNotes is null && OwnedCopies is null && Location is null
        && AddShelves.Count == 0 && RemoveShelves.Count == 0;
}

/// <summary>Edits any field of a book and its credits, in one transaction that holds the write lock only for the writes (<see cref="CheckThenWrite"/>).</summary>
public sealed class EditBook(ShelfDbContext db)
{
    public async Task<Result<BookDetails>> ExecuteAsync(EditBookRequest request, CancellationToken cancellationToken)
    {
        if (request.ChangesNothing)
        {
            return Error.Invalid(BookErrorCodes.EditNothing, "nothing to change; give at least one field to set");
        }

        var edited = await CheckThenWrite.RunAsync(db, ct => ChangeInMemoryAsync(request, ct), WriteAsync, Raced, cancellationToken);
        return edited.IsSuccess ? (await BookQueries.DetailsAsync(db, edited.Value, cancellationToken))! : edited.Error!;
    }

    private static Error Raced() =>
        Error.Conflict(BookErrorCodes.ConcurrentDuplicate, "another program changed the same book or author at the same moment; run the command again");

    private async Task<Result<int>> WriteAsync((Book Book, List<(AuthorName Name, AuthorRole Role)>? Credits) change, CancellationToken cancellationToken)
    {
        var (book, credits) = change;
        if (credits is not null)
        {
            await new BookInserter(db).ReplaceCreditsAsync(book, credits, cancellationToken);
            book.UpdatedAt = DateTime.UtcNow;
            db.Entry(book).State = EntityState.Modified;
        }

        await db.SaveChangesAsync(cancellationToken);
        return book.Id;
    }

    /// <summary>
    /// Loads the book and applies the request to it in memory, checking every value; nothing is
    /// written (a new shelf is only added to the context). The new credits, when the request
    /// changes them, are returned to be written.
    /// </summary>
    private async Task<Result<(Book Book, List<(AuthorName Name, AuthorRole Role)>? Credits)>> ChangeInMemoryAsync(EditBookRequest request, CancellationToken cancellationToken)
    {
        var id = await BookQueries.ResolveIdAsync(db, request.Reference, cancellationToken);
        if (id is not null)
        {
            await BookQueries.LockAsync(db, id.Value, cancellationToken);
        }

        var book = id is null
            ? null
            : await db.Books
                .Include(b => b.Authors.OrderBy(a => a.Position)).ThenInclude(a => a.Author)
                .Include(b => b.Tags).ThenInclude(t => t.Tag)
                .AsSplitQuery()
                .SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (book is null)
        {
            return BookErrors.NotFound(request.Reference);
        }

        if (await ApplyFieldsAsync(book, request, cancellationToken) is { } fieldError)
        {
            return fieldError;
        }

        if (ApplyPersonalFields(book, request) is { } personalError)
        {
            return personalError;
        }

        if (await new BookShelving(db).ApplyAsync(book, request.AddShelves, request.RemoveShelves, cancellationToken) is { } shelfError)
        {
            return shelfError;
        }

        var credits = NewCredits(book, request);
        return credits.IsSuccess ? (book, credits.Value) : credits.Error!;
    }

    private async Task<Error?> ApplyFieldsAsync(Book book, EditBookRequest request, CancellationToken cancellationToken)
    {
        if (request.Title is not null)
        {
            var title = BookRules.Title(request.Title);
            if (!title.IsSuccess)
            {
                return title.Error;
            }

            book.SetTitle(title.Value);
        }

        var subtitle = request.Subtitle is null ? default : BookRules.Text(request.Subtitle, "subtitle", Book.MaxTitleLength);
        var pages = request.Pages is null ? default : BookRules.Pages(request.Pages);
        var isbn = request.Isbn is null ? default : BookRules.Isbn13(request.Isbn);
        var year = request.Year is null ? default : BookRules.Year(request.Year);
        var publisher = request.Publisher is null ? default : BookRules.Text(request.Publisher, "publisher");
        var price = request.Price is null && request.Currency is null ? default : BookRules.ListPrice(request.Price, request.Currency, request.DefaultCurrency);
        if (Error.FirstOf(subtitle.Error, pages.Error, isbn.Error, year.Error, publisher.Error, price.Error) is { } invalid)
        {
            return invalid;
        }

        if (request.Price is not null)
        {
            book.ListPriceMinor = price.Value?.Minor;
            book.ListPriceCurrency = price.Value?.Currency;
        }

        if (request.Subtitle is not null)
        {
            book.Subtitle = subtitle.Value;
        }

        if (request.Pages is not null)
        {
            book.Pages = pages.Value;
        }

        if (request.Year is not null)
        {
            book.YearPublished = year.Value;
        }

        if (request.Publisher is not null)
        {
            book.Publisher = publisher.Value;
        }

        if (request.Isbn is not null && isbn.Value != book.Isbn13)
        {
            var newIsbn = isbn.Value;
            var owner = newIsbn is null
                ? null
                : await db.Books.Where(b => b.Isbn13 == newIsbn && b.Id != book.Id).Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellationToken);
            if (owner is not null)
            {
                return Error.Conflict(BookErrorCodes.DuplicateIsbn, $"ISBN {newIsbn} already belongs to book {owner}");
            }

            book.Isbn13 = newIsbn;
        }

        return null;
    }

    private static Error? ApplyPersonalFields(Book book, EditBookRequest request)
    {
        var rating = request.Rating is null ? default : PersonalRules.Rating(request.Rating);
        var status = request.Status is null ? default : PersonalRules.Status(request.Status);
        var started = request.DateStarted is null ? default : PersonalRules.Date(request.DateStarted, "the date started");
        var read = request.DateRead is null ? default : PersonalRules.Date(request.DateRead, "the date read");
        var readCount = request.ReadCount is null ? default : PersonalRules.Count(request.ReadCount, "the read count");
        var owned = request.OwnedCopies is null ? default : PersonalRules.Count(request.OwnedCopies, "owned copies");
        var location = request.Location is null ? default : BookRules.Text(request.Location, "location");
        if (Error.FirstOf(rating.Error, status.Error, started.Error, read.Error, readCount.Error, owned.Error, location.Error) is { } invalid)
        {
            return invalid;
        }

        if (request.Rating is not null) { book.Rating = rating.Value; }
        if (request.Status is not null) { book.Status = status.Value; }
        if (request.DateStarted is not null) { book.DateStarted = started.Value; }
        if (request.DateRead is not null) { book.DateRead = read.Value; }
        if (request.ReadCount is not null) { book.ReadCount = readCount.Value ?? 0; }
        if (request.OwnedCopies is not null) { book.OwnedCopies = owned.Value; }
        if (request.Location is not null) { book.Location = location.Value; }
        if (request.Review is not null) { book.Review = PersonalRules.LongText(request.Review); }
        if (request.PrivateNotes is not null) { book.PrivateNotes = PersonalRules.LongText(request.PrivateNotes); }
        return null;
    }

    // Null when the request leaves the credits alone.
    private static Result<List<(AuthorName Name, AuthorRole Role)>?> NewCredits(Book book, EditBookRequest request)
    {
        if (request.Authors is null && request.AddAuthors.Count == 0 && request.RemoveAuthors.Count == 0)
        {
            return (List<(AuthorName, AuthorRole)>?)null;
        }

        List<(AuthorName Name, AuthorRole Role)> credits;
        if (request.Authors is not null)
        {
            var replaced = BookRules.Credits(request.Authors);
            if (!replaced.IsSuccess)
            {
                return replaced.Error!;
            }

            credits = [.. replaced.Value];
        }
        else
        {
            credits = [.. book.Authors.OrderBy(a => a.Position).Select(a => (AuthorName.Parse(a.Author.Name), a.Role))];
        }

        foreach (var removed in request.RemoveAuthors)
        {
            var key = TextKey.Normalize(removed);
            if (credits.RemoveAll(c => c.Name.Key == key) == 0)
            {
                return Error.NotFound(BookErrorCodes.AuthorNotCredited, $"'{UserText.Shorten(removed)}' is not credited on book {book.Id}");
            }
        }

        foreach (var added in request.AddAuthors)
        {
            if (!AuthorName.TryParse(added.Name, out var name, out var error))
            {
                return Error.Invalid(AuthorErrorCodes.NameInvalid, $"author '{UserText.Shorten(added.Name)}': {error}");
            }

            if (credits.Any(c => c.Name.Key == name.Key && c.Role == added.Role))
            {
                return Error.Conflict(BookErrorCodes.AuthorRepeated, $"{name.Display} is already credited on book {book.Id} as {added.Role.ToString().ToLowerInvariant()}");
            }

            credits.Add((name, added.Role));
        }

        if (credits.Count == 0)
        {
            return Error.Invalid(BookErrorCodes.NoAuthor, "that would leave the book with no author; a book needs at least one");
        }

        return credits;
    }
}
