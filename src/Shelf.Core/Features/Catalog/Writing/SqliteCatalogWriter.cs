using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shelf.Core.Data;
using Shelf.Core.Data.Bulk;
using Shelf.Core.Domain;

using Shelf.Core.Features.Search;
using Shelf.Core.Features.Shelves;

namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// Inserts books with prepared statements on the import's connection, inside its transaction.
/// The transaction began with BEGIN IMMEDIATE, so no other writer can add books meanwhile and the
/// ids are handed out here. When the file is large next to the library, the indexes whose keys
/// arrive in random order (ISBN, title, ids in other systems, author) are dropped for the import
/// and built again, sorted, before the commit: the same indexes, much faster than one random
/// insert at a time. Dropping and creating them is part of the transaction, so a failed import
/// leaves them as they were.
/// </summary>
internal sealed class SqliteCatalogWriter(ShelfDbContext db, ImportOptions options) : ICatalogWriter
{
    /// <summary>Rows written by one statement: enough to make the per-statement cost vanish, few enough to keep the batch small.</summary>
    private const int RowsPerStatement = 64;

    private static readonly string[] RandomOrderIndexes =
        ["ix_books_isbn13", "ix_books_title_key", "ix_books_year_published_title_key_id", "ix_books_pages_id", "ix_book_identifiers_scheme_value", "ix_book_authors_author_id"];

    // Each person's id and stored display name (a better-cased spelling renames them).
    private readonly Dictionary<string, (int Id, string Display)> _authors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tags = new(StringComparer.Ordinal);
    private readonly List<string> _droppedIndexes = [];
    private readonly BulkTriggers _triggers = new(DatabaseProvider.Sqlite);
    private SqliteConnection _connection = null!;
    private SqliteTransaction _transaction = null!;
    private SqliteBatchInsert? _books;
    private BookRow? _bookRow;
    private SqliteBatchInsert? _credits;
    private SqliteBatchInsert? _identifiers;
    private SqliteBatchInsert? _bookTags;
    private SqliteStatement? _findAuthor;
    private SqliteStatement? _addAuthor;
    private SqliteStatement? _renameAuthor;
    private SqliteStatement? _findTag;
    private SqliteStatement? _addTag;
    private ShelfNames _shelfNames = null!;
    private int _nextId;
    private long _existingBooks;
    private bool _foreignKeysPaused;

    // One import is one moment: every book it adds was updated then, and added then unless the file says when.
    private readonly string _started = SqliteValues.Moment(DateTime.UtcNow);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = (SqliteConnection)db.Database.GetDbConnection();
        _transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();

        // AUTOINCREMENT never reuses an id, even of a deleted book: start past the highest ever used.
        _nextId = (int)await ScalarAsync("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'books'), 0), coalesce((SELECT max(id) FROM books), 0)) + 1", cancellationToken);
        _existingBooks = await ScalarAsync("SELECT count(*) FROM books", cancellationToken);
        _foreignKeysPaused = await ScalarAsync("PRAGMA foreign_keys", cancellationToken) == 0;
        _shelfNames = await ShelfNames.LoadAsync(db, cancellationToken);

        // The other tables get more room per batch: a book has several credits and ids.
        _books = new SqliteBatchInsert(_connection, "books", [.. BookFields.Columns.Select(f => f.Column!)], RowsPerStatement);
        _bookRow = new BookRow(_books, _started);
        _credits = new SqliteBatchInsert(_connection, "book_authors", ["book_id", "author_id", "position", "role"], RowsPerStatement * 8);
        _identifiers = new SqliteBatchInsert(_connection, "book_identifiers", ["book_id", "scheme", "value"], RowsPerStatement * 8);
        _bookTags = new SqliteBatchInsert(_connection, "book_tags", ["book_id", "tag_id"], RowsPerStatement * 8);
        _findAuthor = new SqliteStatement(_connection, "SELECT id, name FROM authors WHERE name_key = ?");
        _renameAuthor = new SqliteStatement(_connection, "UPDATE authors SET name = ?, sort_name = ?, first_name = ?, last_name = ? WHERE id = ?");
        _addAuthor = new SqliteStatement(_connection, "INSERT INTO authors (name, sort_name, first_name, last_name, name_key) VALUES (?, ?, ?, ?, ?) RETURNING id");
        _findTag = new SqliteStatement(_connection, "SELECT id FROM tags WHERE name_key = ?");
        _addTag = new SqliteStatement(_connection, "INSERT INTO tags (name, name_key) VALUES (?, ?) RETURNING id");
    }

    public async Task ExpectAsync(long rows, CancellationToken cancellationToken)
    {
        if (_droppedIndexes.Count > 0 || !BulkLoadRule.Applies(rows, _existingBooks))
        {
            return;
        }

        foreach (var index in RandomOrderIndexes)
        {
            var sql = await TextAsync($"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{index}'", cancellationToken);
            if (sql is null)
            {
                continue;
            }

            _droppedIndexes.Add(sql);
            await ExecuteAsync($"DROP INDEX \"{index}\"", cancellationToken);
        }

        await _triggers.SetAsideAsync(_connection, _transaction, cancellationToken);
    }

    public ValueTask<int> AddAsync(CatalogRecord record, CancellationToken cancellationToken)
    {
        // SQLite's calls return at once; async would only add overhead.
        cancellationToken.ThrowIfCancellationRequested();
        var (book, credits, identifiers, bookTags) = (_books!, _credits!, _identifiers!, _bookTags!);
        if (book.Room == 0 || credits.Room < record.Credits.Count || identifiers.Room < record.Identifiers.Count || bookTags.Room < record.Tags.Count)
        {
            WriteBatches();
        }

        var id = _nextId++;
        _bookRow!.Begin(id);
        foreach (var field in BookFields.Columns)
        {
            field.Write(record, _bookRow);
        }

        book.EndRow();

        for (var position = 0; position < record.Credits.Count; position++)
        {
            var (name, role) = record.Credits[position];
            credits.Set(0, id);
            credits.Set(1, AuthorId(name));
            credits.Set(2, position);
            credits.Set(3, CreditRoles.Text(role));
            credits.EndRow();
        }

        foreach (var (scheme, value) in record.Identifiers)
        {
            identifiers.Set(0, id);
            identifiers.Set(1, scheme);
            identifiers.Set(2, value);
            identifiers.EndRow();
        }

        foreach (var tag in record.Tags)
        {
            bookTags.Set(0, id);
            bookTags.Set(1, TagId(tag));
            bookTags.EndRow();
        }

        return ValueTask.FromResult(id);
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        WriteBatches();
        return Task.CompletedTask;
    }

    // Books first: the foreign keys of the other tables point to them.
    private void WriteBatches()
    {
        _books?.Flush();
        _credits?.Flush();
        _identifiers?.Flush();
        _bookTags?.Flush();
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        if (_droppedIndexes.Count > 0 && options.SortThreads > 0)
        {
            // Lets SQLite sort the keys of each index on as many cores as the host gives it.
            await ExecuteAsync($"PRAGMA threads = {options.SortThreads.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        }

        foreach (var sql in _droppedIndexes)
        {
            await ExecuteAsync(sql, cancellationToken);
        }

        _droppedIndexes.Clear();
        await _triggers.RebuildAsync(_connection, _transaction, cancellationToken);
        if (_foreignKeysPaused)
        {
            await CheckReferencesAsync(cancellationToken);
        }
    }

    /// <summary>What enforcement would have checked row by row (see <see cref="SqliteForeignKeyPause"/>), in one pass over each table.</summary>
    private async Task CheckReferencesAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "book_authors", "book_identifiers", "book_tags" })
        {
            var broken = await TextAsync($"SELECT \"table\" || ' row ' || rowid || ' -> ' || parent FROM pragma_foreign_key_check('{table}') LIMIT 1", cancellationToken);
            if (broken is not null)
            {
                // Shelf wrote a reference to a row that is not there: a bug, never the file's fault.
                throw new InvalidOperationException($"the import wrote a reference that points nowhere ({broken}); nothing was imported");
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var batch in new[] { _books, _credits, _identifiers, _bookTags })
        {
            batch?.Dispose();
        }

        foreach (var statement in new[] { _findAuthor, _addAuthor, _renameAuthor, _findTag, _addTag })
        {
            statement?.Dispose();
        }

        _books = _credits = _identifiers = _bookTags = null;
        _findAuthor = _addAuthor = _renameAuthor = _findTag = _addTag = null;
        return ValueTask.CompletedTask;
    }


    private int AuthorId(AuthorName name)
    {
        if (!_authors.TryGetValue(name.Key, out var known))
        {
            // Not cached: it may exist from before the import, or from an update made through EF.
            _findAuthor!.Bind(0, name.Key);
            if (_findAuthor.ExecuteIdAndText() is { } found)
            {
                known = ((int)found.Id, found.Text);
            }
            else
            {
                _addAuthor!.Bind(0, name.Display);
                _addAuthor.Bind(1, name.Sort);
                _addAuthor.Bind(2, name.First);
                _addAuthor.Bind(3, name.Last);
                _addAuthor.Bind(4, name.Key);
                known = ((int)_addAuthor.ExecuteScalar()!.Value, name.Display);
            }
        }

        if (name.IsBetterCasedThan(known.Display))
        {
            _renameAuthor!.Bind(0, name.Display);
            _renameAuthor.Bind(1, name.Sort);
            _renameAuthor.Bind(2, name.First);
            _renameAuthor.Bind(3, name.Last);
            _renameAuthor.Bind(4, known.Id);
            _renameAuthor.Execute();
            known = (known.Id, name.Display);
        }

        _authors[name.Key] = known;
        return known.Id;
    }

    private int TagId(string name)
    {
        var key = _shelfNames.KeyOf(name);
        if (_tags.TryGetValue(key, out var id))
        {
            return id;
        }

        _findTag!.Bind(0, key);
        var found = _findTag.ExecuteScalar();
        if (found is null)
        {
            _addTag!.Bind(0, name);
            _addTag.Bind(1, key);
            found = _addTag.ExecuteScalar();
        }

        id = (int)found!.Value;
        _tags[key] = id;
        return id;
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<string?> TextAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>A new book's values into the books batch, column after column, as <see cref="BookFields"/> gives them.</summary>
    private sealed class BookRow(SqliteBatchInsert batch, string started) : IBookRow
    {
        private int _id;
        private int _column;

        public void Begin(int id)
        {
            _id = id;
            _column = 0;
        }

        public void Id() => batch.Set(_column++, _id);

        public void Text(string? value) => batch.Set(_column++, value);

        public void Integer(int? value) => batch.Set(_column++, value);

        public void Bigint(long? value) => batch.Set(_column++, value);

        public void Day(DateOnly? value) => batch.Set(_column++, SqliteValues.Day(value));

        public void AddedAt(DateTime? given) => batch.Set(_column++, given is { } added ? SqliteValues.Moment(added) : started);

        public void UpdatedAt() => batch.Set(_column++, started);

        public void Extras(CatalogRecord record) => batch.Set(_column++, record.ExtrasUtf8);
    }
}
