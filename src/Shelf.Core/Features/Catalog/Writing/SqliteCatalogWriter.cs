using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// Inserts books with prepared statements on the import's connection and transaction. The
/// transaction began with BEGIN IMMEDIATE, so no other writer can add books meanwhile and the
/// ids can be handed out here, without reading each one back.
/// </summary>
internal sealed class SqliteCatalogWriter(ShelfDbContext db) : ICatalogWriter
{
    private const string BookColumns =
        "id, title, title_key, subtitle, pages, isbn13, publisher, year_published, original_publication_year, language, format, series, series_number, description, list_price_minor, list_price_currency, added_at, updated_at, rating, status, date_started, date_read, read_count, review, private_notes, owned_copies, location, extras";

    private readonly Dictionary<string, int> _authors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tags = new(StringComparer.Ordinal);
    private SqliteCommand _book = null!;
    private SqliteCommand _findAuthor = null!;
    private SqliteCommand _addAuthor = null!;
    private SqliteCommand _credit = null!;
    private SqliteCommand _identifier = null!;
    private SqliteCommand _findTag = null!;
    private SqliteCommand _addTag = null!;
    private SqliteCommand _bookTag = null!;
    private int _nextId;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();

        // AUTOINCREMENT never reuses an id, even of a deleted book: start past the highest ever used.
        await using (var next = Command(connection, transaction, "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'books'), 0), coalesce((SELECT max(id) FROM books), 0)) + 1", 0))
        {
            _nextId = Convert.ToInt32(await next.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        _book = Command(connection, transaction, $"INSERT INTO books ({BookColumns}) VALUES ({Parameters(28)})", 28);
        _findAuthor = Command(connection, transaction, "SELECT id FROM authors WHERE name_key = $p0", 1);
        _addAuthor = Command(connection, transaction, "INSERT INTO authors (name, sort_name, first_name, last_name, name_key) VALUES ($p0, $p1, $p2, $p3, $p4) RETURNING id", 5);
        _credit = Command(connection, transaction, "INSERT INTO book_authors (book_id, author_id, position, role) VALUES ($p0, $p1, $p2, $p3)", 4);
        _identifier = Command(connection, transaction, "INSERT INTO book_identifiers (book_id, scheme, value) VALUES ($p0, $p1, $p2)", 3);
        _findTag = Command(connection, transaction, "SELECT id FROM tags WHERE name_key = $p0", 1);
        _addTag = Command(connection, transaction, "INSERT INTO tags (name, name_key) VALUES ($p0, $p1) RETURNING id", 2);
        _bookTag = Command(connection, transaction, "INSERT OR IGNORE INTO book_tags (book_id, tag_id) VALUES ($p0, $p1)", 2);
    }

    public ValueTask<int> AddAsync(CatalogRecord record, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite runs every statement synchronously; the async methods would only add overhead.
        cancellationToken.ThrowIfCancellationRequested();
        var id = _nextId++;
        var now = DateTime.UtcNow;
        var p = _book.Parameters;
        Set(p[0], id);
        Set(p[1], record.Title);
        Set(p[2], record.TitleKey);
        Set(p[3], record.Subtitle);
        Set(p[4], record.Pages);
        Set(p[5], record.Isbn13);
        Set(p[6], record.Publisher);
        Set(p[7], record.YearPublished);
        Set(p[8], record.OriginalPublicationYear);
        Set(p[9], record.Language);
        Set(p[10], record.Format);
        Set(p[11], record.Series);
        Set(p[12], record.SeriesNumber);
        Set(p[13], record.Description);
        Set(p[14], record.ListPriceMinor);
        Set(p[15], record.ListPriceCurrency);
        Set(p[16], record.AddedAt ?? now);
        Set(p[17], now);
        Set(p[18], record.Rating);
        Set(p[19], record.Status);
        Set(p[20], record.DateStarted);
        Set(p[21], record.DateRead);
        Set(p[22], record.ReadCount ?? 0);
        Set(p[23], record.Review);
        Set(p[24], record.PrivateNotes);
        Set(p[25], record.OwnedCopies);
        Set(p[26], record.Location);
        Set(p[27], record.Extras.ToJson());
        _book.ExecuteNonQuery();

        for (var position = 0; position < record.Credits.Count; position++)
        {
            var (name, role) = record.Credits[position];
            Set(_credit.Parameters[0], id);
            Set(_credit.Parameters[1], AuthorId(name));
            Set(_credit.Parameters[2], position);
            Set(_credit.Parameters[3], role.ToString().ToLowerInvariant());
            _credit.ExecuteNonQuery();
        }

        foreach (var (scheme, value) in record.Identifiers)
        {
            Set(_identifier.Parameters[0], id);
            Set(_identifier.Parameters[1], scheme);
            Set(_identifier.Parameters[2], value);
            _identifier.ExecuteNonQuery();
        }

        foreach (var tag in record.Tags)
        {
            Set(_bookTag.Parameters[0], id);
            Set(_bookTag.Parameters[1], TagId(tag));
            _bookTag.ExecuteNonQuery();
        }

        return ValueTask.FromResult(id);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _book, _findAuthor, _addAuthor, _credit, _identifier, _findTag, _addTag, _bookTag })
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private int AuthorId(AuthorName name)
    {
        if (_authors.TryGetValue(name.Key, out var id))
        {
            return id;
        }

        // Not cached: it may exist from before the import, or from an update made through EF.
        Set(_findAuthor.Parameters[0], name.Key);
        var found = _findAuthor.ExecuteScalar();
        if (found is null)
        {
            Set(_addAuthor.Parameters[0], name.Display);
            Set(_addAuthor.Parameters[1], name.Sort);
            Set(_addAuthor.Parameters[2], name.First);
            Set(_addAuthor.Parameters[3], name.Last);
            Set(_addAuthor.Parameters[4], name.Key);
            found = _addAuthor.ExecuteScalar();
        }

        id = Convert.ToInt32(found, CultureInfo.InvariantCulture);
        _authors[name.Key] = id;
        return id;
    }

    private int TagId(string name)
    {
        var key = TextKey.Normalize(name);
        if (_tags.TryGetValue(key, out var id))
        {
            return id;
        }

        Set(_findTag.Parameters[0], key);
        var found = _findTag.ExecuteScalar();
        if (found is null)
        {
            Set(_addTag.Parameters[0], name);
            Set(_addTag.Parameters[1], key);
            found = _addTag.ExecuteScalar();
        }

        id = Convert.ToInt32(found, CultureInfo.InvariantCulture);
        _tags[key] = id;
        return id;
    }

    private static void Set(SqliteParameter parameter, object? value) => parameter.Value = value ?? DBNull.Value;

    private static string Parameters(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture)));

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        if (parameters > 0)
        {
            command.Prepare();
        }

        return command;
    }
}
