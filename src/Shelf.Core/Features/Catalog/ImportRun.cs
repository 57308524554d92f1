using System.Diagnostics;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Formats;
using Shelf.Core.Features.Catalog.Matching;
using Shelf.Core.Features.Catalog.Reading;
using Shelf.Core.Features.Catalog.Writing;
using Shelf.Core.Features.Importing;

namespace Shelf.Core.Features.Catalog;

/// <summary>
/// One pass over a file inside the import's transaction: read a row, map it, find its book;
/// new books go straight to the bulk writer, rows that may match a stored book are gathered and
/// compared in batches (one query for many books).
/// </summary>
internal sealed class ImportRun(
    ShelfDbContext db,
    ICatalogSource table,
    CatalogHeader header,
    string source,
    ICatalogMapper mapper,
    ICatalogWriter writer,
    ImportRequest request,
    IProgress<ImportProgress>? progress,
    long? totalBytes,
    ImportOptions options)
{
    private const int MatchBatch = 256;
    private const int SampleRows = 256;

    private readonly ImportTally _tally = new();
    private readonly List<PendingMatch> _pending = [];
    private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();

    /// <summary>Books already matched by a row of a file that lists each book once: no other row of it is that book.</summary>
    private readonly HashSet<int> _claimed = [];

    /// <summary>Books this import added: a later row with the same id adds its people to them, update or not.</summary>
    private readonly HashSet<int> _added = [];
    private readonly ImportLoans _loans = new(db);
    private LibraryKeys _keys = null!;
    private BookUpdater _updater = null!;
    private long _keysSeen;

    private sealed record PendingMatch(long Line, CatalogRecord Record, int BookId, MatchKind Kind);

    public async Task<Result<ImportTally>> ExecuteAsync(CancellationToken cancellationToken)
    {
        _keys = await LibraryKeys.LoadAsync(db, cancellationToken);
        _updater = new BookUpdater(db, _keys);
        await writer.StartAsync(cancellationToken);
        var rejects = request.Rejects is null ? null : table.Rejects(request.Rejects);
        if (table.ReadingWarning is { } howRead)
        {
            _tally.Warn(howRead.Line, howRead.Message);
        }

        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rows = new CatalogRowReader(table, header, mapper, source);
        var reading = rows.RunAsync(stopReading.Token);
        try
        {
            var result = await ConsumeAsync(rows, rejects, cancellationToken);
            if (!result.IsSuccess || rows.Fatal is not null)
            {
                return rows.Fatal ?? result.Error!;
            }
        }
        finally
        {
            // Stop the reader when this side stops early (strict, an error, Ctrl+C), and wait for it.
            await stopReading.CancelAsync();
            try
            {
                await reading;
            }
            catch (OperationCanceledException)
            {
                // Expected: it was told to stop.
            }
        }

        if (_tally.Read > 0 && _tally.Rejected == _tally.Read)
        {
            // Nothing to import is not success: a file whose every row fails is the wrong file or
            // read the wrong way, and a script must not take it for a done import.
            rejects?.Finish();
            var first = _tally.FirstRejection!;
            return Error.Invalid(
                CatalogErrorCodes.AllRejected,
                $"every one of the {_tally.Read.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} rows was rejected (line {first.Line}: {first.Message}); nothing was imported");
        }

        await ResolvePendingAsync(cancellationToken);
        ReleaseKeys();
        progress?.Report(new ImportProgress(_tally.Read, totalBytes ?? 0, totalBytes, ImportStep.Finishing));
        await writer.FinishAsync(cancellationToken);
        _tally.LoansAdded = await _loans.WriteAsync(_tally, cancellationToken);
        rejects?.Finish();
        return _tally;
    }

    private async Task<Result<bool>> ConsumeAsync(CatalogRowReader rows, RejectsFile? rejects, CancellationToken cancellationToken)
    {
        await foreach (var batch in rows.Rows.ReadAllAsync(cancellationToken))
        {
            foreach (var row in batch)
            {
                _tally.Read++;
                if (row.Problem is { } problem)
                {
                    _tally.Reject(row.Line, problem);
                    rejects?.Write(row.RawRecord);
                    if (request.Strict)
                    {
                        rejects?.Finish();
                        return Error.Invalid(CatalogErrorCodes.Strict, $"line {row.Line}: {problem}; nothing was imported (a strict import stops at the first bad row)");
                    }

                    continue;
                }

                foreach (var warning in row.Warnings)
                {
                    _tally.Warn(row.Line, warning);
                }

                await PlaceAsync(row.Line, row.Record!, row.ByteOffset, cancellationToken);
                Report(row.ByteOffset);
            }
        }

        return true;
    }

    private async Task PlaceAsync(long line, CatalogRecord record, long byteOffset, CancellationToken cancellationToken)
    {
        if (_keys.Find(record) is { } match)
        {
            _pending.Add(new PendingMatch(line, record, match.BookId, match.Kind));
            if (_pending.Count >= MatchBatch)
            {
                await ResolvePendingAsync(cancellationToken);
            }

            return;
        }

        await AddAsync(line, record, byteOffset, cancellationToken);
    }

    private async Task AddAsync(long line, CatalogRecord record, long byteOffset, CancellationToken cancellationToken)
    {
        var id = await writer.AddAsync(record, cancellationToken);
        _keys.Remember(record, id);
        _loans.Queue(line, id, record.Loans);
        if (mapper.AddsCredits)
        {
            _added.Add(id);
        }

        _tally.Added++;
        _keysSeen += record.Identifiers.Count + (record.Isbn13 is null ? 0 : 1) + (record.Identifiers.Count == 0 ? 1 : 0);
        if (_tally.Added == SampleRows && totalBytes is { } total && byteOffset > 0)
        {
            // From a sample of the file: size the key index once for all of it instead of doubling
            // it as it fills, and let the writer prepare a bulk load.
            var rowsExpected = total / Math.Max(1, byteOffset / _tally.Read);
            _keys.Expect((long)(rowsExpected * ((double)_keysSeen / _tally.Added)));
            await writer.ExpectAsync(rowsExpected, cancellationToken);
        }
    }

    /// <summary>Compares gathered rows with their stored books, loaded in one query.</summary>
    private async Task ResolvePendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await writer.FlushAsync(cancellationToken);
        var books = await LoadAsync(_pending.Select(p => p.BookId).Distinct().ToList(), cancellationToken);
        var pending = _pending.ToList();
        _pending.Clear();
        foreach (var match in pending)
        {
            if (await CandidateAsync(match, books, cancellationToken) is { } book && IsSameBook(book, match))
            {
                // A later row of the batch may be the same book: it is compared with the book as this row left it.
                if (await CompareAsync(book, match, cancellationToken))
                {
                    books[book.Id] = (await LoadAsync([book.Id], cancellationToken))[book.Id];
                }
            }
            else
            {
                DropTakenKeys(match.Line, match.Record);
                await AddAsync(match.Line, match.Record, 0, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The stored book a match points to. In a file that lists each book once, a book another row
    /// already matched is not this row's: the next edition with the same title and author is, if
    /// the library has one.
    /// </summary>
    private async Task<Book?> CandidateAsync(PendingMatch match, Dictionary<int, Book> books, CancellationToken cancellationToken)
    {
        if (!match.Record.ListedOnce || !_claimed.Contains(match.BookId))
        {
            return books.GetValueOrDefault(match.BookId);
        }

        return match.Kind == MatchKind.TitleAndAuthor ? await OtherEditionAsync(match.Record, cancellationToken) : null;
    }

    private async Task<Dictionary<int, Book>> LoadAsync(List<int> ids, CancellationToken cancellationToken) =>
        await db.Books.AsNoTracking()
            .Include(b => b.Authors).ThenInclude(a => a.Author)
            .Include(b => b.Tags).ThenInclude(t => t.Tag)
            .Include(b => b.Identifiers)
            .AsSplitQuery()
            .Where(b => ids.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, cancellationToken);

    /// <summary>The first book in the library with the record's title and first author that no row of this file has claimed yet.</summary>
    private async Task<Book?> OtherEditionAsync(CatalogRecord record, CancellationToken cancellationToken)
    {
        var candidates = await db.Books.AsNoTracking()
            .Where(b => b.TitleKey == record.TitleKey && b.Authors.Any(a => a.Position == 0 && a.Author.NameKey == record.FirstAuthorKey))
            .OrderBy(b => b.Id)
            .Select(b => b.Id)
            .ToListAsync(cancellationToken);
        var free = candidates.Where(id => !_claimed.Contains(id)).Take(1).ToList();
        return free.Count == 0 ? null : (await LoadAsync(free, cancellationToken))[free[0]];
    }

    /// <summary>
    /// Whether a candidate found by key really is the row's book: the key must really match (the
    /// index holds hashes), a book that already has a different id in one of the row's
    /// systems is another book there (two editions the source tells apart), and so is a book
    /// found by title and author whose valid ISBN differs from the row's: another edition.
    /// </summary>
    private static bool IsSameBook(Book book, PendingMatch match)
    {
        var record = match.Record;
        var keyMatches = match.Kind switch
        {
            MatchKind.Identifier => record.Identifiers.Exists(i => book.Identifiers.Exists(b => b.Scheme == i.Scheme && b.Value == i.Value)),
            MatchKind.Isbn => book.Isbn13 == record.Isbn13,
            _ => book.TitleKey == record.TitleKey
                && (book.Authors.Find(a => a.Position == 0)?.Author.NameKey ?? string.Empty) == record.FirstAuthorKey,
        };
        if (!keyMatches || match.Kind == MatchKind.Identifier)
        {
            return keyMatches;
        }

        if (match.Kind == MatchKind.TitleAndAuthor && book.Isbn13 is not null && record.Isbn13 is not null && book.Isbn13 != record.Isbn13)
        {
            return false;
        }

        return !record.Identifiers.Exists(i => book.Identifiers.Exists(b => b.Scheme == i.Scheme && b.Value != i.Value));
    }

    /// <summary>Compares a row with its book, and updates the book when asked to; true when the book was changed.</summary>
    private async Task<bool> CompareAsync(Book book, PendingMatch match, CancellationToken cancellationToken)
    {
        if (match.Record.ListedOnce)
        {
            _claimed.Add(book.Id);
        }

        DropTakenKeys(match.Line, match.Record, book.Id);
        KeepOtherIsbn(match.Line, match.Record, book);
        _loans.Queue(match.Line, book.Id, match.Record.Loans);
        if (mapper.AddsCredits)
        {
            CreditUnion.Into(book, match.Record);
        }

        await BetterCasedNames.ApplyAsync(db, book, match.Record, cancellationToken);
        var differences = RecordDifferences.Between(book, match.Record, mapper.Fields, mapper.ExtrasSource);
        if (differences.Count == 0)
        {
            _tally.Unchanged++;
            return false;
        }

        // Another row of this file for a book this file added: its people belong to that book.
        var fields = mapper.Fields;
        if (!request.Update && _added.Contains(book.Id) && differences.Contains(BookFields.Authors.Difference!))
        {
            fields = CatalogField.Authors;
        }
        else
        {
            _tally.Differ(new ImportDifference(match.Line, book.Id, book.Title, differences));
            if (!request.Update)
            {
                _tally.Unchanged++;
                return false;
            }
        }

        foreach (var warning in await _updater.ApplyAsync(book.Id, match.Record, fields, mapper.ExtrasSource, cancellationToken))
        {
            _tally.Warn(match.Line, warning);
        }

        _tally.Updated++;
        return true;
    }

    /// <summary>
    /// A row matched by its id that gives another valid ISBN than the book's: a book's ISBN is
    /// which edition it is, so it is never replaced by another one. The row's ISBN is kept in the
    /// extras with a warning instead, and compared and updated as an extra.
    /// </summary>
    private void KeepOtherIsbn(long line, CatalogRecord record, Book book)
    {
        if (record.Isbn13 is not { } isbn || book.Isbn13 is null || isbn == book.Isbn13)
        {
            return;
        }

        _tally.Warn(line, $"the row gives ISBN {isbn} for book {book.Id}, which has ISBN {book.Isbn13} (another edition?); the book keeps its ISBN, the row's is kept in the extras");
        record.Extras.Add(mapper.ExtrasSource ?? source, "ISBN (another edition)", isbn);
        record.PrepareExtras();
        record.Isbn13 = null;
    }

    /// <summary>An ISBN or id the row gives that belongs to another book stays with that book; the row goes on without it.</summary>
    private void DropTakenKeys(long line, CatalogRecord record, int? bookId = null)
    {
        if (record.Isbn13 is { } isbn && _keys.IsbnOwner(isbn) is { } owner && owner != bookId)
        {
            _tally.Warn(line, $"ISBN {isbn} already belongs to book {owner}; this row's book goes on without it");
            record.Extras.Add(source, "ISBN (already taken)", isbn);
            record.PrepareExtras();
            record.Isbn13 = null;
        }

        record.Identifiers.RemoveAll(i =>
        {
            var taken = _keys.IdentifierOwner(i.Scheme, i.Value) is { } other && other != bookId;
            if (taken)
            {
                _tally.Warn(line, $"{i.Scheme}:{i.Value} already belongs to another book; this row's book goes on without it");
            }

            return taken;
        });
    }

    /// <summary>
    /// Every row is placed: the key index (tens of megabytes for a million books) is garbage now.
    /// Collected at once and given back to the system (when the host allows it), it does not sit
    /// under the index rebuild and the commit that follow, which need memory of their own.
    /// </summary>
    private void ReleaseKeys()
    {
        var large = options.CollectAfterMatching && _keys.Count > 1_000_000;
        _keys = null!;
        _updater = null!;
        if (large)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    private void Report(long byteOffset)
    {
        if (progress is null || _sinceProgress.ElapsedMilliseconds < 100)
        {
            return;
        }

        _sinceProgress.Restart();
        progress.Report(new ImportProgress(_tally.Read, byteOffset, totalBytes));
    }
}
