using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Authors;
using Shelf.Core.Features.Loans;

namespace Shelf.Core.Features.Books;

/// <summary>
/// Applies an <see cref="EditBookRequest"/> to a tracked book in memory, checking every value;
/// nothing is written (a new shelf is only added to the context). Returns the new credits when the
/// request changes them. The bulk mode is for one request applied to many books
/// (<see cref="EditBooks"/>): then removing a shelf or person a book does not have, or adding one
/// it has, leaves that book as it is instead of failing the whole edit.
/// </summary>
internal sealed class BookEdits
{
    // The EF context the checks query (and a new shelf is added to), or else a plain connection
    // (a SqliteLibrary's), which serves every change but shelves.
    private readonly ShelfDbContext? _db;
    private readonly PlainConnection _connection;
    private readonly bool _bulk;

    public BookEdits(ShelfDbContext db, bool bulk)
    {
        _db = db;
        _bulk = bulk;
    }

    /// <summary>For one book on a plain connection; the request must leave shelves alone.</summary>
    public BookEdits(PlainConnection connection) => _connection = connection;

    public async Task<Result<List<(AuthorName Name, AuthorRole Role)>?>> ApplyAsync(Book book, EditBookRequest request, CancellationToken cancellationToken)
    {
        if (await ApplyFieldsAsync(book, request, cancellationToken) is { } fieldError)
        {
            return fieldError;
        }

        var copiesBefore = Math.Max(book.OwnedCopies ?? 1, 1);
        if (ApplyPersonalFields(book, request) is { } personalError)
        {
            return personalError;
        }

        // Only fewer copies can leave more borrowers than copies: a bulk edit that raises them asks nothing per book.
        if (Math.Max(book.OwnedCopies ?? 1, 1) < copiesBefore && await FewerCopiesThanLentAsync(book, cancellationToken) is { } loanError)
        {
            return loanError;
        }

        if ((request.AddShelves.Count > 0 || request.RemoveShelves.Count > 0)
            && await new BookShelving(_db ?? throw new InvalidOperationException("shelves are changed through EF")) { Lenient = _bulk }
                .ApplyAsync(book, request.AddShelves, request.RemoveShelves, cancellationToken) is { } shelfError)
        {
            return shelfError;
        }

        return NewCredits(book, request);
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
            var owner = newIsbn is null ? null : await IsbnOwnerAsync(newIsbn, book.Id, cancellationToken);
            if (owner is not null)
            {
                return Error.Conflict(BookErrorCodes.DuplicateIsbn, $"ISBN {newIsbn} already belongs to book {owner}");
            }

            book.Isbn13 = newIsbn;
        }

        return null;
    }

    private async Task<int?> IsbnOwnerAsync(string isbn13, int bookId, CancellationToken cancellationToken)
    {
        if (_db is not null)
        {
            return await _db.Books.Where(b => b.Isbn13 == isbn13 && b.Id != bookId).Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellationToken);
        }

        await using var command = _connection.Command("SELECT id FROM books WHERE isbn13 = @isbn AND id <> @id LIMIT 1", ("isbn", isbn13), ("id", bookId));
        return await command.ExecuteScalarAsync(cancellationToken) is long owner ? (int)owner : null;
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

    // A book is out to at most max(owned copies, 1) borrowers (the loans' triggers hold that when a
    // loan is written); owning fewer copies than are out would break it from the other side.
    private async Task<Error?> FewerCopiesThanLentAsync(Book book, CancellationToken cancellationToken)
    {
        var borrowers = _db is not null
            ? await _db.Loans.Where(l => l.BookId == book.Id && l.ReturnedAt == null).OrderBy(l => l.LentAt).Select(l => l.Borrower.Name).ToListAsync(cancellationToken)
            : await PlainSql.ReadAsync(
                _connection,
                $"SELECT b.name FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE l.book_id = {book.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)} AND l.returned_at IS NULL ORDER BY l.lent_at",
                r => r.GetString(0),
                cancellationToken);
        var copies = Math.Max(book.OwnedCopies ?? 1, 1);
        return borrowers.Count <= copies
            ? null
            : Error.Conflict(
                LoanErrorCodes.CopiesOnLoan,
                $"'{book.Title}' is out to {borrowers.Count} borrowers ({string.Join(", ", borrowers)}), more than {copies} owned {(copies == 1 ? "copy" : "copies")}; return a copy first; nothing was changed");
    }

    // Null when the request leaves the credits alone.
    private Result<List<(AuthorName Name, AuthorRole Role)>?> NewCredits(Book book, EditBookRequest request)
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
            if (credits.RemoveAll(c => c.Name.Key == key) == 0 && !_bulk)
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
                if (_bulk)
                {
                    continue;
                }

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
