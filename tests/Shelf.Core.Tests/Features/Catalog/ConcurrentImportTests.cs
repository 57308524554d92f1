using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Tests.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// Another program writing to a server library (PostgreSQL, MySQL) while an import runs (SQLite's
/// write lock keeps others out). The other program writes at a chosen point of the file: when the import
/// has read past it, so after the import loaded the library's keys and before it reaches the
/// last rows.
/// </summary>
public abstract class ConcurrentImportTests(DatabaseFixture fixture)
{
    private const int Rows = 4_000;

    [Fact]
    public async Task AnotherProgramAddsTheIsbnOfALaterRow_ImportFailsAsAConflict_AndAddsNothing()
    {
        var target = await fixture.NewDatabaseAsync();
        await using var db = await DatabaseFixture.OpenAsync(target);
        await using var other = await DatabaseFixture.OpenAsync(target);
        var file = File(out var lastIsbn, lastAuthor: "Ann Writer");

        var input = new InterruptedStream(file, at: file.Length * 3 / 4, () =>
            BookTestData.AddAsync(other, new AddBookRequest("Someone else's book", [new("Other Person")]) { Isbn = lastIsbn }).GetAwaiter().GetResult());
        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(input));

        Assert.Equal("import.concurrent_change", error.Code);
        db.ChangeTracker.Clear();
        Assert.Equal(["Someone else's book"], await db.Books.Select(b => b.Title).ToListAsync());
    }

    [Fact]
    public async Task AnotherProgramAddsTheAuthorOfALaterRow_ImportCreditsThatAuthor()
    {
        var target = await fixture.NewDatabaseAsync();
        await using var db = await DatabaseFixture.OpenAsync(target);
        await using var other = await DatabaseFixture.OpenAsync(target);
        var file = File(out _, lastAuthor: "Zed Late");

        var input = new InterruptedStream(file, at: file.Length * 3 / 4, () =>
            BookTestData.AddAsync(other, "Their book", "Zed Late").GetAwaiter().GetResult());
        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(input));

        Assert.Equal(Rows, summary.Added);
        var zed = await db.Authors.Where(a => a.NameKey == "zed late").Select(a => a.Id).SingleAsync();
        Assert.Equal(2, await db.BookAuthors.CountAsync(c => c.AuthorId == zed));
    }

    private static byte[] File(out string lastIsbn, string lastAuthor)
    {
        var csv = new StringBuilder("book_id,goodreads_book_id,authors,original_publication_year,title,isbn,isbn13\n");
        lastIsbn = string.Empty;
        for (var i = 1; i <= Rows; i++)
        {
            var body = "978" + ((i * 7919L) % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
            lastIsbn = body + ((10 - (body.Select((c, k) => (c - '0') * (k % 2 == 0 ? 1 : 3)).Sum() % 10)) % 10).ToString(CultureInfo.InvariantCulture);
            var author = i == Rows ? lastAuthor : "Ann Writer";
            csv.Append(CultureInfo.InvariantCulture, $"{i},{i + 1_000_000},{author},2001.0,Book {i} with a title long enough to fill the file,,{lastIsbn}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>A pipe (no length, no seeking, so nothing reads ahead to its end) that runs an action once, when it is first read past a point.</summary>
    private sealed class InterruptedStream(byte[] bytes, long at, Action action) : MemoryStream(bytes)
    {
        private bool _done;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (!_done && Position + count > at)
            {
                // Only up to the point first, so nothing past it is read before the other program has written.
                if (Position < at)
                {
                    return base.Read(buffer, offset, (int)(at - Position));
                }

                _done = true;
                action();
            }

            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            var bytes = new byte[buffer.Length];
            var read = Read(bytes, 0, bytes.Length);
            bytes.AsSpan(0, read).CopyTo(buffer);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ConcurrentImportTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : ConcurrentImportTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
