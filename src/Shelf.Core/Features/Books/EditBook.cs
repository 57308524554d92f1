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

    /// <summary>
    /// Whether <see cref="ExecuteAsync(SqliteLibrary, EditBookRequest, CancellationToken)"/> serves
    /// <paramref name="request"/>: every change but shelves (a new shelf is made through EF's <c>ShelfTags</c>).
    /// </summary>
    public static bool ServesWithoutEf(EditBookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.AddShelves.Count == 0 && request.RemoveShelves.Count == 0;
    }

    /// <summary>
    /// The same edit on a SQLite library opened without EF, as <c>add</c> writes: the book read and
    /// the request checked outside any transaction, then again inside the write transaction (on what
    /// is stored by then) followed by an UPDATE of the columns that changed and, when the credits
    /// change, their links; the write lock is held for those statements only.
    /// </summary>
    public static async Task<Result<BookDetails>> ExecuteAsync(SqliteLibrary library, EditBookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (!ServesWithoutEf(request))
        {
            throw new ArgumentException("changing shelves needs EF; open the library through ShelfDatabase", nameof(request));
        }

        if (request.ChangesNothing)
        {
            return Error.Invalid(BookErrorCodes.EditNothing, "nothing to change; give at least one field to set");
        }

        var rehearsal = await PlainBookEdit.ChangeAsync(library.Connection, request, cancellationToken);
        if (!rehearsal.IsSuccess)
        {
            return rehearsal.Error!;
        }

        int id;
        var (transaction, connection) = await library.BeginWriteAsync(cancellationToken);
        await using (transaction)
        {
            var change = await PlainBookEdit.ChangeAsync(connection, request, cancellationToken);
            if (!change.IsSuccess)
            {
                return change.Error!;
            }

            id = await change.Value.WriteAsync(connection, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return (await BookQueries.DetailsAsync(library.Connection, id, cancellationToken))!;
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

        var credits = await new BookEdits(db, bulk: false).ApplyAsync(book, request, cancellationToken);
        return credits.IsSuccess ? (book, credits.Value) : credits.Error!;
    }
}
