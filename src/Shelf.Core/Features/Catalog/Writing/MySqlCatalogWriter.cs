using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shelf.Core.Data;
using Shelf.Core.Data.Bulk;
using Shelf.Core.Features.Search;
using Shelf.Core.Features.Shelves;

namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// Writes new books on MySQL and MariaDB as multi-row INSERTs (<see cref="MySqlMultiRowInsert"/>)
/// inside the import's transaction, a batch at a time: the batch's people and shelves are found or
/// created by key in one round (<see cref="MySqlNameIds"/>), then its books, ids, credits and
/// shelves go in, books first for the foreign keys. A book's id is known at once, when the row is
/// read, though its batch is written later: MySQL has no sequence to reserve a block from, so each
/// batch reserves its ids itself (<see cref="ReserveIdsAsync"/>). Indexes are never set aside: on
/// MySQL every ALTER or DROP INDEX commits the transaction, and with it the all-or-nothing promise.
/// The search index's triggers are, for a large file (<see cref="BulkLoadRule"/>): the words are
/// then written in one pass at the end.
/// </summary>
internal sealed class MySqlCatalogWriter(ShelfDbContext db) : ICatalogWriter
{
    /// <summary>Books per batch: enough to make the name lookups and statements few, small enough to keep each batch's memory and its id window short.</summary>
    private const int BatchSize = 2_000;

    // The highest id ever used, even of a deleted book, or the counter another writer has moved on.
    private const string NextFreeId =
        "SELECT GREATEST(COALESCE((SELECT MAX(id) FROM books), 0) + 1, "
        + "COALESCE((SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'books'), 1))";

    // Never seen by anyone else: it lives in the import's transaction and is gone before it commits.
    private const string ReserveBlock =
        "INSERT INTO books (id, title, title_key, added_at, updated_at) VALUES (@last, 'ids reserved by an import', '', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))";

    private readonly MySqlMultiRowInsert _books = new(db, "books", [.. BookFields.Columns.Select(f => f.Column!)]);
    private readonly MySqlMultiRowInsert _credits = new(db, "book_authors", ["book_id", "author_id", "position", "role"]);
    private readonly MySqlMultiRowInsert _identifiers = new(db, "book_identifiers", ["book_id", "scheme", "value"]);
    private readonly MySqlMultiRowInsert _bookTags = new(db, "book_tags", ["book_id", "tag_id"]);
    private readonly MySqlNameIds _authors = new(db, NameIds.Authors);
    private readonly MySqlNameIds _tags = new(db, NameIds.Tags);
    private readonly List<object?[]> _bookRows = [];
    private readonly List<(int BookId, int Position, string Role, string AuthorKey)> _creditRows = [];
    private readonly List<object?[]> _identifierRows = [];
    private readonly List<(int BookId, string TagKey)> _tagRows = [];

    // One import is one moment: every book it adds was updated then, and added then unless the file
    // says when. Cut to the microseconds a datetime(6) keeps, so what is read back equals it.
    private readonly BookRow _bookRow = new(DateTime.UnixEpoch.AddTicks((DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10 * 10));
    private readonly BulkTriggers _triggers = new(DatabaseProvider.MySql);
    private ShelfNames _shelfNames = null!;
    private int _nextId;
    private int? _reservedUpTo;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _shelfNames = await ShelfNames.LoadAsync(db, cancellationToken);

    // Indexes stay (see the class's remarks); a large file's words wait for one pass at the end.
    // Counting InnoDB's rows reads a whole index, so only a file large enough to matter does.
    public async Task ExpectAsync(long rows, CancellationToken cancellationToken)
    {
        if (rows >= BulkLoadRule.MySqlMinimumRows && BulkLoadRule.AppliesOnMySql(rows, await db.Books.LongCountAsync(cancellationToken)))
        {
            await _triggers.SetAsideAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), cancellationToken);
        }
    }

    public async ValueTask<int> AddAsync(CatalogRecord record, CancellationToken cancellationToken)
    {
        if (_bookRows.Count == 0)
        {
            await ReserveIdsAsync(cancellationToken);
        }

        var id = _nextId++;
        _bookRows.Add(_bookRow.Of(id, record));
        for (var position = 0; position < record.Credits.Count; position++)
        {
            var (name, role) = record.Credits[position];
            _authors.Need([name.Key, name.Display, name.Sort, name.First, name.Last]);
            _creditRows.Add((id, position, CreditRoles.Text(role), name.Key));
        }

        foreach (var (scheme, value) in record.Identifiers)
        {
            _identifierRows.Add([id, scheme, value]);
        }

        foreach (var tag in record.Tags)
        {
            var key = _shelfNames.KeyOf(tag);
            _tags.Need([key, tag]);
            _tagRows.Add((id, key));
        }

        // Books with very many credits, ids or shelves end their batch early.
        if (_bookRows.Count >= BatchSize || _identifierRows.Count + _creditRows.Count + _tagRows.Count >= BatchSize * 4)
        {
            await FlushAsync(cancellationToken);
        }

        return id;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_bookRows.Count == 0)
        {
            return;
        }

        await _authors.ResolveAsync(cancellationToken);
        await _tags.ResolveAsync(cancellationToken);
        await ReleaseReservationAsync(cancellationToken);
        await _books.WriteAsync(_bookRows, cancellationToken);
        await _identifiers.WriteAsync(_identifierRows, cancellationToken);
        await _credits.WriteAsync([.. _creditRows.Select(c => new object?[] { c.BookId, _authors[c.AuthorKey], c.Position, c.Role })], cancellationToken);
        await _bookTags.WriteAsync([.. _tagRows.Select(t => new object?[] { t.BookId, _tags[t.TagKey] })], cancellationToken);
        _bookRows.Clear();
        _identifierRows.Clear();
        _creditRows.Clear();
        _tagRows.Clear();
        _authors.EndBatch();
        _tags.EndBatch();
    }

    /// <summary>
    /// Takes the next batch's ids past every id used and holds them until the batch is written: a
    /// placeholder row at the block's last id moves InnoDB's AUTO_INCREMENT counter past the whole
    /// block at once, uncommitted (the counter is not transactional), so a book another program adds
    /// meanwhile gets an id after the block instead of one of this batch's. Only a program adding a
    /// book between these two statements can still meet a batch id; the import then fails as a
    /// concurrent change and, like every failure, leaves the library as it was.
    /// </summary>
    private async Task ReserveIdsAsync(CancellationToken cancellationToken)
    {
        await using (var next = MySqlCommands.Create(db, NextFreeId))
        {
            _nextId = Convert.ToInt32(await next.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        _reservedUpTo = _nextId + BatchSize - 1;
        await using var reserve = MySqlCommands.Create(db, ReserveBlock);
        MySqlCommands.Add(reserve, "@last", _reservedUpTo);
        await reserve.ExecuteNonQueryAsync(cancellationToken);
    }

    // The placeholder goes before its batch, whose last book may take its id; the counter stays past it.
    private async Task ReleaseReservationAsync(CancellationToken cancellationToken)
    {
        if (_reservedUpTo is not { } last)
        {
            return;
        }

        await using var release = MySqlCommands.Create(db, "DELETE FROM books WHERE id = @last");
        MySqlCommands.Add(release, "@last", last);
        await release.ExecuteNonQueryAsync(cancellationToken);
        _reservedUpTo = null;
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await _triggers.RebuildAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), cancellationToken);
    }

    // An unwritten batch is dropped with the rolled-back transaction; the search triggers, set aside
    // for the connection's session, must come back before the pooled connection serves anyone else.
    public async ValueTask DisposeAsync() => await _triggers.ResumeAfterFailureAsync(db.Database.GetDbConnection());

    /// <summary>A new book's values as one row of the books INSERT, column after column, as <see cref="BookFields"/> gives them.</summary>
    private sealed class BookRow(DateTime started) : IBookRow
    {
        private object?[] _row = [];
        private int _id;
        private int _column;

        public object?[] Of(int id, CatalogRecord record)
        {
            (_row, _id, _column) = (new object?[BookFields.Columns.Length], id, 0);
            foreach (var field in BookFields.Columns)
            {
                field.Write(record, this);
            }

            return _row;
        }

        public void Id() => _row[_column++] = _id;

        public void Text(string? value) => _row[_column++] = value;

        public void Integer(int? value) => _row[_column++] = value;

        public void Bigint(long? value) => _row[_column++] = value;

        // A date goes as the midnight DateTime MySql.Data sends for a DATE (DateOnlyAsDateTime).
        public void Day(DateOnly? value) => _row[_column++] = value?.ToDateTime(TimeOnly.MinValue);

        public void AddedAt(DateTime? given) => _row[_column++] = given ?? started;

        public void UpdatedAt() => _row[_column++] = started;

        public void Extras(CatalogRecord record) => _row[_column++] = record.ExtrasJson;
    }
}
