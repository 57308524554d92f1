using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;

namespace Shelf.Core.Features.Books;

/// <summary>
/// One book's edit in plain SQL (<see cref="EditBook"/> on a <see cref="SqliteLibrary"/>): the book
/// as stored, what its columns held before the request was applied, and the new credits when the
/// request changes them. The same checks as the EF edit (<see cref="BookEdits"/>) decide.
/// </summary>
internal sealed class PlainBookEdit
{
    private readonly Book _book;
    private readonly object?[] _before;
    private readonly List<(AuthorName Name, AuthorRole Role)>? _credits;

    private PlainBookEdit(Book book, object?[] before, List<(AuthorName Name, AuthorRole Role)>? credits)
    {
        _book = book;
        _before = before;
        _credits = credits;
    }

    /// <summary>Reads the book <paramref name="request"/> names and applies the request to it in memory; nothing is written.</summary>
    public static async Task<Result<PlainBookEdit>> ChangeAsync(PlainConnection connection, EditBookRequest request, CancellationToken cancellationToken)
    {
        var id = await BookQueries.ResolveIdAsync(connection, request.Reference, cancellationToken);
        var book = id is null ? null : await PlainBookRead.BookAsync(connection, id.Value, cancellationToken);
        if (book is null)
        {
            return BookErrors.NotFound(request.Reference);
        }

        var before = Values(book);
        var credits = await new BookEdits(connection).ApplyAsync(book, request, cancellationToken);
        return credits.IsSuccess ? new PlainBookEdit(book, before, credits.Value) : credits.Error!;
    }

    /// <summary>
    /// Writes the change inside the caller's transaction: the columns the request changed (and the
    /// update time, as EF's SaveChanges stamps a modified book), then the credits; returns the book's id.
    /// A request that changes no stored value writes nothing, as EF would not.
    /// </summary>
    public async Task<int> WriteAsync(PlainConnection connection, CancellationToken cancellationToken)
    {
        var after = Values(_book);
        var changed = BookFields.Inserted.Where((_, i) => !Equals(_before[i], after[i])).Select(f => f.Column!).ToList();
        if (changed.Count == 0 && _credits is null)
        {
            return _book.Id;
        }

        _book.UpdatedAt = DateTime.UtcNow;
        var columns = BookFields.Inserted.Select((f, i) => (Field: f, Index: i))
            .Where(c => c.Field.Column == BookFields.UpdatedAt.Column || changed.Contains(c.Field.Column!))
            .ToList();
        var sql = $"UPDATE books SET {string.Join(", ", columns.Select(c => $"{c.Field.Column} = @p{c.Index}"))} WHERE id = @id";
        await using (var update = connection.Command(sql, [.. columns.Select(c => ($"p{c.Index}", c.Field.Value(_book))), ("id", _book.Id)]))
        {
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (_credits is not null)
        {
            await new BookInserter(connection).RelinkCreditsAsync(_book.Id, _credits, cancellationToken);
        }

        return _book.Id;
    }

    private static object?[] Values(Book book) => [.. BookFields.Inserted.Select(f => f.Value(book))];
}
