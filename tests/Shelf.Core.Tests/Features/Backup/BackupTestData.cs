using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Backup;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Loans;
using Shelf.Core.Tests.Features.Books;
using Shelf.Core.Tests.Features.Sales;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Backup;

/// <summary>A library with something in every table, its backups, and a dump of it read through EF (not through the backup's own code).</summary>
internal static class BackupTestData
{
    /// <summary>Books with several credits in a chosen order, shelves, identifiers, a removed book's sale, a refund.</summary>
    public static async Task FillAsync(ShelfDbContext db)
    {
        var omens = await BookTestData.AddAsync(db, BookTestData.Request("Good Omens", "Terry Pratchett", "Neil Gaiman") with { Pages = "412", Isbn = "9780552137034", Price = "8.99" });
        await BookTestData.AddAsync(db, BookTestData.Request("Le Petit Prince", "Antoine de Saint-Exupéry") with { Year = "1943" });
        var gone = await SaleTestData.AddBookAsync(db, "Sold Then Removed", price: "5.00");
        var emma = await BookTestData.AddAsync(db, "Emma", "Jane Austen");
        var edited = await new EditBook(db).ExecuteAsync(
            new EditBookRequest(Id(emma.Id)) { Status = "read", DateRead = "2025-03-09", Rating = "5", AddShelves = ["classics", "Favourites [2025]"], Review = "line one\nline two" },
            default);
        Assert.True(edited.IsSuccess, edited.Error?.Message);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO book_identifiers (book_id, scheme, value) VALUES ({0}, 'goodreads', '123')", omens.Id);
        var sale = await SaleTestData.RecordAsync(db, omens.Id, 3, "8.99", discount: "10%", soldAt: "2026-01-05");
        await SaleTestData.RefundAsync(db, sale.OrderNumber, quantity: 1, refundedAt: "2026-01-06");
        await SaleTestData.RecordAsync(db, gone.Id, 1, "5.00", soldAt: "2026-01-07");
        await LendAsync(db, new LendBookRequest(Id(emma.Id), "Anne Dupré") { Period = "3w", Contact = "anne@example.org", Note = "with the map" });
        await LendAsync(db, new LendBookRequest(Id(omens.Id), "Bob"));
        Assert.True((await new ReturnBook(db, TimeProvider.System).ExecuteAsync(new ReturnBookRequest(Id(omens.Id)), default)).IsSuccess);
        await LendAsync(db, new LendBookRequest(Id(gone.Id), "bob"));
        Assert.True((await new RemoveBook(db).ExecuteAsync(Id(gone.Id), default)).IsSuccess);
        db.ChangeTracker.Clear();
    }

    /// <summary>Every row a user can tell apart, typed by EF and printed the same way whichever database it came from.</summary>
    public static async Task<List<string>> DumpAsync(ShelfDbContext db)
    {
        var rows = new List<string>();
        rows.AddRange((await db.Books.AsNoTracking().OrderBy(b => b.Id).ToListAsync()).Select(b =>
            Line("book", b.Id, b.Title, b.TitleKey, b.Subtitle, b.Pages, b.Isbn13, b.YearPublished, b.ListPriceMinor, b.ListPriceCurrency, Time(b.AddedAt), Time(b.UpdatedAt),
                 b.Rating, b.Status, b.DateRead, b.ReadCount, b.Review, b.Extras)));
        rows.AddRange((await db.Authors.AsNoTracking().OrderBy(a => a.Id).ToListAsync()).Select(a => Line("author", a.Id, a.Name, a.SortName, a.NameKey)));
        rows.AddRange((await db.BookAuthors.AsNoTracking().OrderBy(c => c.BookId).ThenBy(c => c.Position).ToListAsync()).Select(c => Line("credit", c.BookId, c.Position, c.AuthorId, c.Role)));
        rows.AddRange((await db.Tags.AsNoTracking().OrderBy(t => t.Id).ToListAsync()).Select(t => Line("tag", t.Id, t.Name, t.NameKey)));
        rows.AddRange((await db.BookTags.AsNoTracking().OrderBy(t => t.BookId).ThenBy(t => t.TagId).ToListAsync()).Select(t => Line("shelved", t.BookId, t.TagId)));
        rows.AddRange((await db.BookIdentifiers.AsNoTracking().OrderBy(i => i.Id).ToListAsync()).Select(i => Line("identifier", i.Id, i.BookId, i.Scheme, i.Value)));
        rows.AddRange((await db.Sales.AsNoTracking().OrderBy(s => s.Id).ToListAsync()).Select(s =>
            Line("sale", s.Id, s.OrderNumber, s.Kind, s.RefundOfSaleId, s.BookId, s.BookTitle, s.Quantity, s.UnitPriceMinor, s.DiscountBasisPoints, s.TotalMinor, s.Currency, Time(s.SoldAt), Time(s.RecordedAt))));
        rows.AddRange((await db.Borrowers.AsNoTracking().OrderBy(b => b.Id).ToListAsync()).Select(b => Line("borrower", b.Id, b.Name, b.NameKey, b.Contact)));
        rows.AddRange((await db.Loans.AsNoTracking().OrderBy(l => l.Id).ToListAsync()).Select(l =>
            Line("loan", l.Id, l.BookId, l.BookTitle, l.BorrowerId, Time(l.LentAt), l.DueOn, l.ReturnedAt is { } back ? Time(back) : null, l.Note)));
        return rows;
    }

    private static async Task LendAsync(ShelfDbContext db, LendBookRequest request)
    {
        var lent = await new LendBook(db, TimeProvider.System).ExecuteAsync(request, default);
        Assert.True(lent.IsSuccess, lent.Error?.Message);
    }

    public static async Task<BackupSummary> BackupAsync(ShelfDbContext db, DatabaseTarget target, string? path = null)
    {
        var written = await new BackupLibrary(db, target, TimeProvider.System).ExecuteAsync(new BackupLibraryRequest(path ?? NewPath()), default);
        Assert.True(written.IsSuccess, written.Error?.Message);
        return written.Value;
    }

    public static string NewPath() => TempFiles.NewPath("backup", ".shelf-backup");

    /// <summary>Rewrites the manifest of a backup with <paramref name="change"/> applied to its JSON.</summary>
    public static void EditManifest(string path, Action<JsonObject> change)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(BackupManifest.EntryName)!;
        JsonObject manifest;
        using (var stream = entry.Open())
        {
            manifest = JsonNode.Parse(stream)!.AsObject();
        }

        change(manifest);
        entry.Delete();
        using var output = zip.CreateEntry(BackupManifest.EntryName).Open();
        JsonSerializer.Serialize(output, manifest);
    }

    /// <summary>Rewrites one table's rows with <paramref name="change"/> applied to its lines.</summary>
    public static void EditTable(string path, string table, Func<List<string>, List<string>> change)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(BackupManifest.TableEntry(table))!;
        List<string> lines;
        using (var reader = new StreamReader(entry.Open()))
        {
            lines = [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(BackupManifest.TableEntry(table)).Open());
        foreach (var line in change(lines))
        {
            writer.Write(line + "\n");
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    // PostgreSQL keeps microseconds; a backup carries times to the microsecond.
    private static string Time(DateTime value) => value.AddTicks(-(value.Ticks % 10)).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static string Line(string kind, params object?[] values) =>
        kind + ": " + string.Join(" | ", values.Select(v => v switch
        {
            null => "∅",
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));
}
