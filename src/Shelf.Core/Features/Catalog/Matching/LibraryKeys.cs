using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Catalog.Matching;

/// <summary>How a row found its book.</summary>
internal enum MatchKind
{
    Identifier,
    Isbn,
    TitleAndAuthor,
}

/// <summary>
/// Everything an import matches rows against, in memory: the ids in other systems, ISBNs and
/// (title, first author) keys of the books already in the library, and of those the import has
/// added so far, so a file that lists a book twice adds it once.
/// </summary>
internal sealed class LibraryKeys
{
    private readonly KeyIndex _index;

    private LibraryKeys(int capacity) => _index = new KeyIndex(capacity);

    public int Count => _index.Count;

    /// <summary>Makes room for this many more keys.</summary>
    public void Expect(long moreKeys) => _index.EnsureCapacity((int)Math.Min(int.MaxValue / 2, _index.Count + moreKeys));

    public static long IdentifierKey(string scheme, string value) => KeyIndex.Hash('i', scheme, value);

    public static long IsbnKey(string isbn13) => KeyIndex.Hash('b', isbn13);

    public static long WorkKey(string titleKey, string firstAuthorKey) => KeyIndex.Hash('w', titleKey + "\u001f" + firstAuthorKey);

    /// <summary>Reads the keys of every book in the library, inside the import's transaction.</summary>
    public static async Task<LibraryKeys> LoadAsync(ShelfDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        await using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = "SELECT (SELECT count(*) FROM books) * 2 + (SELECT count(*) FROM book_identifiers)";
        var existing = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var keys = new LibraryKeys((int)Math.Min(int.MaxValue / 2, existing + 1024));

        await ReadAsync(connection, transaction, "SELECT scheme, value, book_id FROM book_identifiers", r => keys._index.TryAdd(IdentifierKey(r.GetString(0), r.GetString(1)), r.GetInt32(2)), cancellationToken);
        await ReadAsync(connection, transaction, "SELECT isbn13, id FROM books WHERE isbn13 IS NOT NULL", r => keys._index.TryAdd(IsbnKey(r.GetString(0)), r.GetInt32(1)), cancellationToken);
        await ReadAsync(
            connection,
            transaction,
            """
            SELECT b.title_key, coalesce(a.name_key, ''), b.id
            FROM books b
            LEFT JOIN book_authors ba ON ba.book_id = b.id AND ba.position = 0
            LEFT JOIN authors a ON a.id = ba.author_id
            ORDER BY b.id
            """,
            r => keys._index.TryAdd(WorkKey(r.GetString(0), r.GetString(1)), r.GetInt32(2)),
            cancellationToken);
        return keys;
    }

    /// <summary>The hashes of a record's ids, then of its ISBN when it has one.</summary>
    public static long[] HashesOf(CatalogRecord record)
    {
        var hashes = new long[record.Identifiers.Count + (record.Isbn13 is null ? 0 : 1)];
        for (var i = 0; i < record.Identifiers.Count; i++)
        {
            hashes[i] = IdentifierKey(record.Identifiers[i].Scheme, record.Identifiers[i].Value);
        }

        if (record.Isbn13 is { } isbn)
        {
            hashes[^1] = IsbnKey(isbn);
        }

        return hashes;
    }

    /// <summary>The book a record most likely is: by an id in another system, else by ISBN, else by title and first author.</summary>
    public (int BookId, MatchKind Kind)? Find(CatalogRecord record)
    {
        var hashes = Current(record);
        for (var i = 0; i < hashes.Length; i++)
        {
            if (_index.TryGet(hashes[i], out var found))
            {
                return (found, i < record.Identifiers.Count ? MatchKind.Identifier : MatchKind.Isbn);
            }
        }

        return _index.TryGet(WorkKey(record.TitleKey, record.FirstAuthorKey), out var byWork) ? (byWork, MatchKind.TitleAndAuthor) : null;
    }

    /// <summary>The book holding an ISBN, if any.</summary>
    public int? IsbnOwner(string isbn13) => _index.TryGet(IsbnKey(isbn13), out var id) ? id : null;

    /// <summary>The book holding an id in another system, if any.</summary>
    public int? IdentifierOwner(string scheme, string value) => _index.TryGet(IdentifierKey(scheme, value), out var id) ? id : null;

    /// <summary>
    /// Remembers a book the import added. Its title key is only remembered when it has no id in
    /// another system: rows that carry ids tell their books apart by them, and a catalog of a
    /// million such rows then needs no title keys in memory. Nor when the file lists each book
    /// once (<see cref="CatalogRecord.ListedOnce"/>): a later row with the same title and author
    /// is another book there.
    /// </summary>
    public void Remember(CatalogRecord record, int bookId)
    {
        foreach (var hash in Current(record))
        {
            _index.TryAdd(hash, bookId);
        }

        if (record.Identifiers.Count == 0 && !record.ListedOnce)
        {
            _index.TryAdd(WorkKey(record.TitleKey, record.FirstAuthorKey), bookId);
        }
    }

    // Hashes worked out on the reading thread, unless the ids or ISBN changed since (a taken ISBN dropped).
    private static long[] Current(CatalogRecord record)
    {
        var hashes = record.KeyHashes;
        return hashes is not null && hashes.Length == record.Identifiers.Count + (record.Isbn13 is null ? 0 : 1) ? hashes : HashesOf(record);
    }

    public void RememberIsbn(string isbn13, int bookId) => _index.Set(IsbnKey(isbn13), bookId);

    public void RememberIdentifier(string scheme, string value, int bookId) => _index.TryAdd(IdentifierKey(scheme, value), bookId);

    private static async Task ReadAsync(DbConnection connection, DbTransaction transaction, string sql, Action<DbDataReader> add, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            add(reader);
        }
    }
}
