using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Catalog;

/// <summary>A row that was not imported: its line in the file and why.</summary>
public sealed record RejectedRow(long Line, string Reason);

/// <summary>What an import did. <see cref="Read"/> = <see cref="Added"/> + <see cref="Unchanged"/> + rejected.</summary>
public sealed record ImportSummary(long Read, long Added, long Unchanged, IReadOnlyList<RejectedRow> Rejected, bool DryRun);

/// <summary>
/// Imports the simple catalog form <c>title,number_of_pages,first_name,last_name</c> (columns
/// found by name, in any order). The whole file is one transaction: a failure or Ctrl+C leaves
/// the library as it was. Bad rows are reported with their line and never stop the good ones;
/// books already in the library (same title and first author) are left unchanged, so importing
/// a file twice changes nothing the second time.
/// </summary>
public sealed class ImportSimpleCatalog(ShelfDbContext db)
{
    public static readonly IReadOnlyList<string> Columns = ["title", "number_of_pages", "first_name", "last_name"];

    private const int BatchSize = 1000;

    public async Task<Result<ImportSummary>> ExecuteAsync(Stream input, bool dryRun, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var reader = CsvReader.Create(input, new CsvReaderOptions { TrackLineNumbers = true });
        string[] header;
        try
        {
            header = [.. reader.Headers];
        }
        catch (CsvFormatException e)
        {
            return Error.Invalid("import.malformed", $"the file is not readable CSV: {e.Message}");
        }

        var columns = FindColumns(header);
        if (!columns.IsSuccess)
        {
            return columns.Error!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var known = await LoadExistingAsync(cancellationToken);
        var rejected = new List<RejectedRow>();
        long read = 0, added = 0, unchanged = 0;
        var pending = new List<Book>(BatchSize);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        while (true)
        {
            bool more;
            try
            {
                more = await reader.ReadAsync(cancellationToken);
            }
            catch (CsvFormatException e)
            {
                return Error.Invalid("import.malformed", $"line {e.LineNumber}: the file is not readable CSV from here on ({e.Message}); nothing was imported");
            }

            if (!more)
            {
                break;
            }

            read++;
            var line = reader.LineNumber;
            var row = ParseRow(reader, columns.Value);
            if (!row.IsSuccess)
            {
                rejected.Add(new RejectedRow(line, row.Error!.Message));
                continue;
            }

            var (title, pages, author) = row.Value;
            if (!known.Works.Add((TextKey.Normalize(title), author.Key)))
            {
                unchanged++;
                continue;
            }

            var book = new Book { Pages = pages };
            book.SetTitle(title);
            book.Authors.Add(known.Credit(author));
            pending.Add(book);
            added++;
            if (pending.Count == BatchSize)
            {
                await FlushAsync(pending, known, cancellationToken);
                progress?.Report(read);
            }
        }

        await FlushAsync(pending, known, cancellationToken);
        progress?.Report(read);
        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new ImportSummary(read, added, unchanged, rejected, dryRun);
    }

    private static Result<int[]> FindColumns(string[] header)
    {
        var indexes = new int[Columns.Count];
        for (var i = 0; i < Columns.Count; i++)
        {
            indexes[i] = Array.FindIndex(header, h => string.Equals(h.Trim().TrimStart('\uFEFF'), Columns[i], StringComparison.OrdinalIgnoreCase));
        }

        var missing = Columns.Where((_, i) => indexes[i] < 0).ToList();
        return missing.Count == 0
            ? indexes
            : Error.Invalid(
                "import.unknown_format",
                $"the file has no column {string.Join(", ", missing)}; this import reads the simple form with the header {string.Join(',', Columns)}");
    }

    private static Result<(string Title, int? Pages, AuthorName Author)> ParseRow(CsvReader reader, int[] columns)
    {
        string Field(int column) => columns[column] < reader.FieldCount ? reader.GetString(columns[column]) : string.Empty;

        var title = BookRules.Title(Field(0));
        var pages = BookRules.Pages(Field(1));
        if (Error.FirstOf(title.Error, pages.Error) is { } invalid)
        {
            return invalid;
        }

        if (!AuthorName.TryFromParts(Field(2), Field(3), out var author, out var nameError))
        {
            return Error.Invalid("import.bad_author", $"author: {nameError}");
        }

        return (title.Value, pages.Value, author);
    }

    private async Task FlushAsync(List<Book> pending, KnownCatalog known, CancellationToken cancellationToken)
    {
        db.Books.AddRange(pending);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        known.RememberSavedAuthors();
        pending.Clear();

        // Keeps memory flat: nothing of earlier batches stays tracked.
        db.ChangeTracker.Clear();
    }

    private async Task<KnownCatalog> LoadExistingAsync(CancellationToken cancellationToken)
    {
        var authors = await db.Authors.AsNoTracking().Select(a => new { a.NameKey, a.Id }).ToDictionaryAsync(a => a.NameKey, a => a.Id, StringComparer.Ordinal, cancellationToken);
        var works = await db.BookAuthors.AsNoTracking().Where(ba => ba.Position == 0).Select(ba => new { ba.Book.TitleKey, ba.Author.NameKey }).ToListAsync(cancellationToken);
        return new KnownCatalog(authors, works.Select(w => (w.TitleKey, w.NameKey)).ToHashSet());
    }

    /// <summary>The authors and (title, first author) pairs already in the library or added by this import.</summary>
    private sealed class KnownCatalog(Dictionary<string, int> authorIds, HashSet<(string, string)> works)
    {
        private readonly Dictionary<string, Author> _newAuthors = new(StringComparer.Ordinal);

        public HashSet<(string TitleKey, string AuthorKey)> Works { get; } = works;

        public BookAuthor Credit(AuthorName name)
        {
            if (authorIds.TryGetValue(name.Key, out var id))
            {
                return new BookAuthor { AuthorId = id, Position = 0, Role = AuthorRole.Author };
            }

            if (!_newAuthors.TryGetValue(name.Key, out var author))
            {
                author = Author.From(name);
                _newAuthors[name.Key] = author;
            }

            return new BookAuthor { Author = author, Position = 0, Role = AuthorRole.Author };
        }

        public void RememberSavedAuthors()
        {
            foreach (var (key, author) in _newAuthors)
            {
                authorIds[key] = author.Id;
            }

            _newAuthors.Clear();
        }
    }
}
