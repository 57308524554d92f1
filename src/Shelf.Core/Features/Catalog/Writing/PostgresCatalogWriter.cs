using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Shelf.Core.Data;
using Shelf.Core.Data.Bulk;
using Shelf.Core.Domain;
using Shelf.Core.Features.Shelves;

namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// Streams new books with binary COPY straight into the books table, keeping each batch's
/// credits, ids and shelves in memory; at the end of a batch their people and shelves are found
/// or created by key in one round (<see cref="PostgresNameIds"/>) and they are copied into their
/// tables too. No row passes through a staging table and an INSERT ... SELECT: on a million
/// books that doubled the writing. Book ids are reserved from the table's sequence in blocks,
/// so a row's id is known at once.
/// </summary>
internal sealed class PostgresCatalogWriter : ICatalogWriter
{
    /// <summary>
    /// Books copied before their credits, ids and shelves follow; bounds the memory those take
    /// (they hold on to the rows' text). A batch ends when its block of reserved ids runs out.
    /// </summary>
    private const int BatchSize = 5_000;

    /// <summary>Ids reserved (and books in a batch) at a time: few for a small import (no big gaps in the sequence), up to a batch for a large one.</summary>
    private int _idBlock = 64;

    private readonly Queue<int> _ids = new();
    private readonly BookRow _bookRow;
    private readonly List<(int BookId, int Position, string Role, string AuthorKey)> _credits = [];
    private readonly List<(int BookId, string Scheme, string Value)> _identifiers = [];
    private readonly List<(int BookId, string TagKey)> _bookTags = [];

    // One import is one moment: every book it adds was updated then, and added then unless the file says when.
    private readonly DateTime _started = DateTime.UtcNow;
    private NpgsqlConnection _connection = null!;
    private NpgsqlBinaryImporter? _copy;
    private PostgresBulkLoad _bulkLoad = null!;
    private PostgresNameIds _authors = null!;
    private PostgresNameIds _tags = null!;
    private ShelfNames _shelfNames = null!;
    private long _existingBooks;

    private readonly ShelfDbContext _db;

    private readonly ImportOptions _options;

    public PostgresCatalogWriter(ShelfDbContext db, ImportOptions options)
    {
        _db = db;
        _options = options;
        _bookRow = new BookRow(_started);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = (NpgsqlConnection)_db.Database.GetDbConnection();
        _bulkLoad = new PostgresBulkLoad(_connection);
        _authors = new PostgresNameIds(_connection, NameIds.Authors);
        _tags = new PostgresNameIds(_connection, NameIds.Tags);
        _shelfNames = await ShelfNames.LoadAsync(_db, cancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM books", _connection);
        _existingBooks = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask<int> AddAsync(CatalogRecord record, CancellationToken cancellationToken)
    {
        if (_ids.Count == 0)
        {
            await ReserveIdsAsync(cancellationToken);
        }

        var id = _ids.Dequeue();
        _copy ??= await _connection.BeginCopyAsync($"COPY books ({BookFields.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);

        // The importer buffers rows and writes them out in large blocks; its synchronous calls
        // skip an async state machine per field, which is most of the cost of a row.
        _copy.StartRow();
        _bookRow.Begin(_copy, id);
        foreach (var field in BookFields.Columns)
        {
            field.Write(record, _bookRow);
        }

        for (var position = 0; position < record.Credits.Count; position++)
        {
            var (name, role) = record.Credits[position];
            _authors.Need([name.Key, name.Display, name.Sort, name.First, name.Last]);
            _credits.Add((id, position, CreditRoles.Text(role), name.Key));
        }

        foreach (var (scheme, value) in record.Identifiers)
        {
            _identifiers.Add((id, scheme, value));
        }

        foreach (var tag in record.Tags)
        {
            var key = _shelfNames.KeyOf(tag);
            _tags.Need([key, tag]);
            _bookTags.Add((id, key));
        }

        // Books with very many credits, ids or shelves end their batch early.
        if (_identifiers.Count + _credits.Count + _bookTags.Count >= BatchSize * 4)
        {
            await FlushAsync(cancellationToken);
        }

        return id;
    }

    /// <summary>Ends the books' COPY, then writes the batch's credits, ids and shelves after them (their foreign keys point to the books).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_copy is null)
        {
            return;
        }

        await _copy.CompleteAsync(cancellationToken);
        await _copy.DisposeAsync();
        _copy = null;

        await _authors.ResolveAsync(cancellationToken);
        await _tags.ResolveAsync(cancellationToken);
        await CopyAsync("book_identifiers (book_id, scheme, value)", _identifiers, static (copy, row) =>
        {
            copy.Write(row.BookId, NpgsqlDbType.Integer);
            copy.Write(row.Scheme, NpgsqlDbType.Text);
            copy.Write(row.Value, NpgsqlDbType.Text);
        }, cancellationToken);
        await CopyAsync("book_authors (book_id, author_id, position, role)", _credits, (copy, row) =>
        {
            copy.Write(row.BookId, NpgsqlDbType.Integer);
            copy.Write(_authors[row.AuthorKey], NpgsqlDbType.Integer);
            copy.Write(row.Position, NpgsqlDbType.Integer);
            copy.Write(row.Role, NpgsqlDbType.Text);
        }, cancellationToken);
        await CopyAsync("book_tags (book_id, tag_id)", _bookTags, (copy, row) =>
        {
            copy.Write(row.BookId, NpgsqlDbType.Integer);
            copy.Write(_tags[row.TagKey], NpgsqlDbType.Integer);
        }, cancellationToken);
        _authors.EndBatch();
        _tags.EndBatch();
    }

    private async Task CopyAsync<T>(string target, List<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using (var copy = await _connection.BeginCopyAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                copy.StartRow();
                write(copy, row);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        rows.Clear();
    }

    public async Task ExpectAsync(long rows, CancellationToken cancellationToken)
    {
        if (!_options.TakeTablesOnPostgres || _bulkLoad.Active || !BulkLoadRule.Applies(rows, _existingBooks))
        {
            return;
        }

        await FlushAsync(cancellationToken);
        await _bulkLoad.SetAsideAsync(cancellationToken);
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await _bulkLoad.RestoreAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            // An import that failed or was cancelled: the transaction rolls back; the COPY must not be completed.
            try
            {
                await _copy.DisposeAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or OperationCanceledException)
            {
                // The connection is being torn down with the transaction; nothing to keep.
            }

            _copy = null;
        }
    }

    private async Task ReserveIdsAsync(CancellationToken cancellationToken)
    {
        // A connection runs one thing at a time: the batch's COPY ends before the query.
        await FlushAsync(cancellationToken);
        var block = _idBlock.ToString(CultureInfo.InvariantCulture);
        _idBlock = Math.Min(_idBlock * 4, BatchSize);
        await using var command = _connection.CreateCommand();

        // A bulk load holds the books table exclusively, so nobody else can draw from its sequence
        // meanwhile: one jump replaces a nextval per book (a million of those cost seconds).
        // Otherwise each id is drawn on its own, which is safe beside other writers.
        command.CommandText = _bulkLoad.Active
            ? $"SELECT generate_series(n - {block} + 1, n) FROM (SELECT setval(s, nextval(s) + {block} - 1) AS n FROM pg_get_serial_sequence('books', 'id') AS s) AS jump"
            : $"SELECT nextval(pg_get_serial_sequence('books', 'id')) FROM generate_series(1, {block})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _ids.Enqueue(Convert.ToInt32(reader.GetInt64(0)));
        }
    }

    /// <summary>A new book's values into the books COPY, column after column, as <see cref="BookFields"/> gives them.</summary>
    private sealed class BookRow(DateTime started) : IBookRow
    {
        private NpgsqlBinaryImporter _copy = null!;
        private int _id;

        public void Begin(NpgsqlBinaryImporter copy, int id)
        {
            _copy = copy;
            _id = id;
        }

        public void Id() => _copy.Write(_id, NpgsqlDbType.Integer);

        public void Text(string? value) => _copy.Text(value);

        public void Integer(int? value) => _copy.Integer(value);

        public void Bigint(long? value) => _copy.Bigint(value);

        public void Day(DateOnly? value) => _copy.Day(value);

        public void AddedAt(DateTime? given) => _copy.Moment(given ?? started);

        public void UpdatedAt() => _copy.Moment(started);

        public void Extras(CatalogRecord record) => _copy.Text(record.ExtrasJson);
    }
}
