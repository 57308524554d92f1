using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// Streams new books with binary COPY into a temporary staging table (one row per book, its
/// credits, ids and shelves as arrays), then moves each batch into the library with a few
/// set-based INSERT ... SELECT statements. Authors and shelves are created with ON CONFLICT DO
/// NOTHING, so another writer adding the same person at the same time does not fail the import.
/// Book ids are reserved from the table's sequence in blocks, so a row's id is known at once.
/// </summary>
internal sealed class PostgresCatalogWriter(ShelfDbContext db) : ICatalogWriter
{
    /// <summary>Books staged before they are moved into the library; bounds the staging table, not memory.</summary>
    private const int BatchSize = 50_000;

    /// <summary>Ids reserved at a time: few for a small import (no big gaps in the sequence), up to a batch for a large one.</summary>
    private int _idBlock = 64;

    private const string Staging = "shelf_import_books";

    private const string BookColumns =
        "id, title, title_key, subtitle, pages, isbn13, publisher, year_published, original_publication_year, language, format, series, series_number, description, list_price_minor, list_price_currency, added_at, updated_at, rating, status, date_started, date_read, read_count, review, private_notes, owned_copies, location, extras";

    private const string ArrayColumns =
        "author_keys, author_names, author_sorts, author_firsts, author_lasts, author_roles, identifier_schemes, identifier_values, tag_names, tag_keys";

    private readonly Queue<int> _ids = new();
    private NpgsqlConnection _connection = null!;
    private NpgsqlBinaryImporter? _copy;
    private PostgresBulkLoad _bulkLoad = null!;
    private long _existingBooks;
    private int _staged;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = (NpgsqlConnection)db.Database.GetDbConnection();
        _bulkLoad = new PostgresBulkLoad(_connection);
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM books", _connection))
        {
            _existingBooks = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        await ExecuteAsync(
            $"""
            CREATE TEMP TABLE {Staging} (
                id integer NOT NULL, title text, title_key text, subtitle text, pages integer, isbn13 text, publisher text,
                year_published integer, original_publication_year integer, language text, format text, series text,
                series_number text, description text, list_price_minor bigint, list_price_currency text,
                added_at timestamp with time zone, updated_at timestamp with time zone, rating integer, status text,
                date_started date, date_read date, read_count integer, review text, private_notes text, owned_copies integer,
                location text, extras text,
                author_keys text[], author_names text[], author_sorts text[], author_firsts text[], author_lasts text[], author_roles text[],
                identifier_schemes text[], identifier_values text[], tag_names text[], tag_keys text[]
            ) ON COMMIT DROP
            """,
            cancellationToken);
    }

    public async ValueTask<int> AddAsync(CatalogRecord record, CancellationToken cancellationToken)
    {
        if (_ids.Count == 0)
        {
            await ReserveIdsAsync(cancellationToken);
        }

        var id = _ids.Dequeue();
        _copy ??= await _connection.BeginBinaryImportAsync($"COPY {Staging} ({BookColumns}, {ArrayColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var now = DateTime.UtcNow;

        // The importer buffers rows and writes them out in large blocks; its synchronous calls
        // skip an async state machine per field, which is most of the cost of a row.
        var copy = _copy;
        copy.StartRow();
        copy.Write(id, NpgsqlDbType.Integer);
        Text(copy, record.Title);
        Text(copy, record.TitleKey);
        Text(copy, record.Subtitle);
        Number(copy, record.Pages);
        Text(copy, record.Isbn13);
        Text(copy, record.Publisher);
        Number(copy, record.YearPublished);
        Number(copy, record.OriginalPublicationYear);
        Text(copy, record.Language);
        Text(copy, record.Format);
        Text(copy, record.Series);
        Text(copy, record.SeriesNumber);
        Text(copy, record.Description);
        if (record.ListPriceMinor is { } price)
        {
            copy.Write(price, NpgsqlDbType.Bigint);
        }
        else
        {
            copy.WriteNull();
        }

        Text(copy, record.ListPriceCurrency);
        copy.Write(record.AddedAt ?? now, NpgsqlDbType.TimestampTz);
        copy.Write(now, NpgsqlDbType.TimestampTz);
        Number(copy, record.Rating);
        Text(copy, record.Status);
        Day(copy, record.DateStarted);
        Day(copy, record.DateRead);
        copy.Write(record.ReadCount ?? 0, NpgsqlDbType.Integer);
        Text(copy, record.Review);
        Text(copy, record.PrivateNotes);
        Number(copy, record.OwnedCopies);
        Text(copy, record.Location);
        Text(copy, record.ExtrasJson);

        var credits = record.Credits;
        Array(copy, credits.ConvertAll<string?>(c => c.Name.Key));
        Array(copy, credits.ConvertAll<string?>(c => c.Name.Display));
        Array(copy, credits.ConvertAll<string?>(c => c.Name.Sort));
        Array(copy, credits.ConvertAll(c => c.Name.First));
        Array(copy, credits.ConvertAll(c => c.Name.Last));
        Array(copy, credits.ConvertAll<string?>(c => c.Role.ToString().ToLowerInvariant()));
        Array(copy, record.Identifiers.ConvertAll<string?>(i => i.Scheme));
        Array(copy, record.Identifiers.ConvertAll<string?>(i => i.Value));
        Array(copy, record.Tags.ConvertAll<string?>(t => t));
        Array(copy, record.Tags.ConvertAll<string?>(TextKey.Normalize));

        if (++_staged >= BatchSize)
        {
            await FlushAsync(cancellationToken);
        }

        return id;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_copy is null)
        {
            return;
        }

        await _copy.CompleteAsync(cancellationToken);
        await _copy.DisposeAsync();
        _copy = null;
        _staged = 0;

        // The first occurrence of a person or shelf names it; ids come from the rows already there.
        await ExecuteAsync(
            $"""
            INSERT INTO authors (name, sort_name, first_name, last_name, name_key)
            SELECT DISTINCT ON (a.key) a.name, a.sort, a.first, a.last, a.key
            FROM {Staging} s CROSS JOIN LATERAL unnest(s.author_keys, s.author_names, s.author_sorts, s.author_firsts, s.author_lasts) AS a(key, name, sort, first, last)
            ORDER BY a.key, s.id
            ON CONFLICT (name_key) DO NOTHING;

            INSERT INTO tags (name, name_key)
            SELECT DISTINCT ON (t.key) t.name, t.key
            FROM {Staging} s CROSS JOIN LATERAL unnest(s.tag_names, s.tag_keys) AS t(name, key)
            ORDER BY t.key, s.id
            ON CONFLICT (name_key) DO NOTHING;

            INSERT INTO books ({BookColumns})
            SELECT {BookColumns} FROM {Staging} ORDER BY id;

            INSERT INTO book_authors (book_id, author_id, position, role)
            SELECT s.id, au.id, (c.ord - 1)::integer, c.role
            FROM {Staging} s CROSS JOIN LATERAL unnest(s.author_keys, s.author_roles) WITH ORDINALITY AS c(key, role, ord)
            JOIN authors au ON au.name_key = c.key;

            INSERT INTO book_identifiers (book_id, scheme, value)
            SELECT s.id, i.scheme, i.value
            FROM {Staging} s CROSS JOIN LATERAL unnest(s.identifier_schemes, s.identifier_values) AS i(scheme, value);

            INSERT INTO book_tags (book_id, tag_id)
            SELECT DISTINCT s.id, tg.id
            FROM {Staging} s CROSS JOIN LATERAL unnest(s.tag_keys) AS t(key)
            JOIN tags tg ON tg.name_key = t.key;

            TRUNCATE {Staging};
            """,
            cancellationToken);
    }

    public async Task ExpectAsync(long rows, CancellationToken cancellationToken)
    {
        if (_bulkLoad.Active || !BulkLoadRule.Applies(rows, _existingBooks))
        {
            return;
        }

        await FinishCopyBeforeQueryAsync(cancellationToken);
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
        await FinishCopyBeforeQueryAsync(cancellationToken);
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT nextval(pg_get_serial_sequence('books', 'id')) FROM generate_series(1, {_idBlock.ToString(CultureInfo.InvariantCulture)})";
        _idBlock = Math.Min(_idBlock * 4, BatchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _ids.Enqueue(Convert.ToInt32(reader.GetInt64(0)));
        }
    }

    // A connection runs one thing at a time: an open COPY has to end before another statement.
    private async Task FinishCopyBeforeQueryAsync(CancellationToken cancellationToken)
    {
        if (_copy is not null)
        {
            await FlushAsync(cancellationToken);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Number(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } number)
        {
            copy.Write(number, NpgsqlDbType.Integer);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void Day(NpgsqlBinaryImporter copy, DateOnly? value)
    {
        if (value is { } day)
        {
            copy.Write(day, NpgsqlDbType.Date);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void Array(NpgsqlBinaryImporter copy, List<string?> values) => copy.Write(values, NpgsqlDbType.Array | NpgsqlDbType.Text);

}
