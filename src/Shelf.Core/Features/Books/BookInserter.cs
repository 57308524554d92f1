using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;

namespace Shelf.Core.Features.Books;

/// <summary>
/// The reads and writes of <see cref="AddBook"/>, and the credit replacement that
/// <see cref="EditBook"/> and an import's update share, mostly as plain parameterized SQL on the
/// context's connection and transaction. Why not LINQ and SaveChanges: in a one-shot `shelf add`, EF's
/// first query and first SaveChanges each cost ~100 ms of warm-up, more than everything else
/// together (bench/startup.sh). The SQL reads the same on every engine but for the two MySQL spellings below.
/// </summary>
internal sealed class BookInserter
{
    // The EF context whose connection and transaction the statements use, or else a plain connection.
    private readonly ShelfDbContext? _db;
    private readonly PlainConnection _connection;

    public BookInserter(ShelfDbContext db) => _db = db;

    /// <summary>On a plain connection (a <see cref="SqliteLibrary"/>'s): all but <see cref="ReplaceCreditsAsync"/>, which writes through EF.</summary>
    public BookInserter(PlainConnection connection) => _connection = connection;

    /// <summary>Every column of <c>books</c> from the book-field table, so a new field is stored by <c>add</c> without naming it here.</summary>
    private static readonly string InsertBook =
        $"INSERT INTO books ({string.Join(", ", BookFields.Inserted.Select(f => f.Column))}) " +
        $"VALUES ({string.Join(", ", BookFields.Inserted.Select((_, i) => $"@p{i}"))})";

    // MySQL has no INSERT ... RETURNING (MariaDB only from 10.5) and no ON CONFLICT; its
    // LAST_INSERT_ID() is per connection, so it is the id of the row this command inserted.
    private bool IsMySql => (_db?.Provider ?? _connection.Provider) == DatabaseProvider.MySql;

    public async Task<(int Id, string Title)?> FindByIsbnAsync(string isbn13, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT id, title FROM books WHERE isbn13 = @isbn LIMIT 1", ("isbn", isbn13));
        return await ReadBookAsync(command, cancellationToken);
    }

    /// <summary>A book with the same title key whose first credit is the same person.</summary>
    public async Task<(int Id, string Title)?> FindSameWorkAsync(string titleKey, string firstAuthorKey, CancellationToken cancellationToken)
    {
        await using var command = Command(
            """
            SELECT b.id, b.title FROM books b
            JOIN book_authors ba ON ba.book_id = b.id AND ba.position = 0
            JOIN authors a ON a.id = ba.author_id
            WHERE b.title_key = @title AND a.name_key = @author
            ORDER BY b.id LIMIT 1
            """,
            ("title", titleKey),
            ("author", firstAuthorKey));
        return await ReadBookAsync(command, cancellationToken);
    }

    /// <summary>
    /// The one author row for a name, inserted when new. ON CONFLICT makes two writers adding
    /// the same new person at once agree on one row instead of one of them failing.
    /// </summary>
    public async Task<Author> FindOrInsertAuthorAsync(AuthorName name, CancellationToken cancellationToken)
    {
        await using (var insert = Command(
            "INSERT INTO authors (name, sort_name, first_name, last_name, name_key) VALUES (@name, @sort, @first, @last, @key) "
            + (IsMySql ? "ON DUPLICATE KEY UPDATE name_key = name_key" : "ON CONFLICT (name_key) DO NOTHING"),
            ("name", name.Display),
            ("sort", name.Sort),
            ("first", name.First),
            ("last", name.Last),
            ("key", name.Key)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        Author author;
        await using (var select = Command("SELECT id, name, sort_name, first_name, last_name, name_key FROM authors WHERE name_key = @key", ("key", name.Key)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            author = new Author
            {
                Id = reader.GetInt32(0),
                Name = reader.GetString(1),
                SortName = reader.GetString(2),
                FirstName = reader.IsDBNull(3) ? null : reader.GetString(3),
                LastName = reader.IsDBNull(4) ? null : reader.GetString(4),
                NameKey = reader.GetString(5),
            };
        }

        if (name.IsBetterCasedThan(author.Name))
        {
            // "John Saul" names the person stored as "JOHN SAUL", as an import would.
            await using var rename = Command(
                "UPDATE authors SET name = @name, sort_name = @sort, first_name = @first, last_name = @last WHERE id = @id",
                ("name", name.Display),
                ("sort", name.Sort),
                ("first", name.First),
                ("last", name.Last),
                ("id", author.Id));
            await rename.ExecuteNonQueryAsync(cancellationToken);
            author.Rename(name);
        }

        return author;
    }

    /// <summary>Inserts the book and its credits; sets the book's id and times.</summary>
    public async Task InsertAsync(Book book, CancellationToken cancellationToken)
    {
        book.AddedAt = book.UpdatedAt = DateTime.UtcNow;
        await using (var insert = Command(
            IsMySql ? InsertBook + "; SELECT LAST_INSERT_ID()" : InsertBook + " RETURNING id",
            [.. BookFields.Inserted.Select((f, i) => ($"p{i}", f.Value(book)))]))
        {
            book.Id = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        foreach (var credit in book.Authors)
        {
            credit.BookId = book.Id;
            credit.AuthorId = credit.Author.Id;
            await LinkAsync(credit.BookId, credit.AuthorId, credit.Position, credit.Role, cancellationToken);
        }
    }

    /// <summary>
    /// Replaces a tracked book's credits with <paramref name="credits"/>, in that order. Positions
    /// are unique per book, so renumbering in place could collide mid-update: the old links are
    /// deleted first, then the new order goes in, inside the caller's transaction.
    /// </summary>
    public async Task ReplaceCreditsAsync(Book book, IReadOnlyList<(AuthorName Name, AuthorRole Role)> credits, CancellationToken cancellationToken)
    {
        var db = _db ?? throw new InvalidOperationException("replacing tracked credits needs the EF context");
        db.BookAuthors.RemoveRange(book.Authors);
        await db.SaveChangesAsync(cancellationToken);
        for (var position = 0; position < credits.Count; position++)
        {
            var author = await FindOrInsertAuthorAsync(credits[position].Name, cancellationToken);
            db.BookAuthors.Add(new BookAuthor { BookId = book.Id, AuthorId = author.Id, Position = position, Role = credits[position].Role });
        }
    }

    /// <summary>
    /// The same in plain statements, for a book EF does not track: the old links deleted first,
    /// then the new ones in order, inside the caller's transaction.
    /// </summary>
    public async Task RelinkCreditsAsync(int bookId, IReadOnlyList<(AuthorName Name, AuthorRole Role)> credits, CancellationToken cancellationToken)
    {
        await using (var unlink = Command("DELETE FROM book_authors WHERE book_id = @book", ("book", bookId)))
        {
            await unlink.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var position = 0; position < credits.Count; position++)
        {
            var author = await FindOrInsertAuthorAsync(credits[position].Name, cancellationToken);
            await LinkAsync(bookId, author.Id, position, credits[position].Role, cancellationToken);
        }
    }

    private async Task LinkAsync(int bookId, int authorId, int position, AuthorRole role, CancellationToken cancellationToken)
    {
        await using var link = Command(
            "INSERT INTO book_authors (book_id, author_id, position, role) VALUES (@book, @author, @position, @role)",
            ("book", bookId),
            ("author", authorId),
            ("position", position),
            ("role", role.ToString().ToLowerInvariant()));
        await link.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<(int Id, string Title)?> ReadBookAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt32(0), reader.GetString(1)) : null;
    }

    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        // The context's transaction is read at each statement: the caller may begin one after the first read.
        var connection = _db is null
            ? _connection
            : new PlainConnection(_db.Database.GetDbConnection(), _db.Database.CurrentTransaction?.GetDbTransaction(), _db.Provider);
        return connection.Command(sql, parameters);
    }
}
