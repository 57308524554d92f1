using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Search;
using Shelf.Core.Tests.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// A large import into a small library sets indexes (and on PostgreSQL the foreign keys) aside
/// and puts them back before the commit; on SQLite, into an empty library, it pauses foreign-key
/// enforcement and checks every reference at the end. A finished import must leave the schema
/// exactly as it was, with every row there and findable; a failed one must change nothing.
/// </summary>
public abstract class BulkLoadTests(DatabaseFixture fixture)
{
    private const int Rows = 30_000;

    /// <summary>Every index and constraint of the library, as the database describes them.</summary>
    protected abstract Task<List<string>> SchemaAsync(ShelfDbContext db);

    [Fact]
    public async Task LargeImport_SchemaRebuiltExactlyAsItWas_AndEveryRowThere()
    {
        await using var db = await fixture.OpenNewAsync();
        var before = await SchemaAsync(db);

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(BigFile(badRowAt: null))));

        Assert.Equal(Rows, summary.Added);
        Assert.Equal(before, await SchemaAsync(db));
        Assert.Equal(Rows, await db.Books.CountAsync(b => b.Isbn13 != null));
        Assert.Equal(Rows, await db.BookIdentifiers.CountAsync(i => i.Scheme == "goodbooks"));
        Assert.Equal(Rows / 2, await db.Books.CountAsync(b => b.Authors.Any(a => a.Author.NameKey == "ann writer")));
        Assert.Equal(Rows * 2, await db.BookAuthors.CountAsync());
        // The authors' book counts were set aside with the search index and recounted once.
        Assert.Equal(
            [("Cy Editor", Rows), ("Ann Writer", Rows / 2), ("Bob Writer", Rows / 2)],
            (await db.Authors.OrderByDescending(a => a.BookCount).ThenBy(a => a.SortName).Select(a => new { a.Name, a.BookCount }).ToListAsync()).Select(a => (a.Name, a.BookCount)));

        // Lookups by the rebuilt indexes find the rows.
        var isbn = await db.Books.Where(b => b.Id == 12345).Select(b => b.Isbn13).SingleAsync();
        Assert.Equal(12345, await db.Books.Where(b => b.Isbn13 == isbn).Select(b => b.Id).SingleAsync());
    }

    [Fact]
    public async Task LargeImport_SearchIndexRebuiltInBulk_FindsTheRowsAndTheNextWrite()
    {
        await using var db = await fixture.OpenNewAsync();

        await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(BigFile(badRowAt: null))));

        // The search index was rebuilt in bulk, and its triggers are back for the next write.
        var search = new SearchBooks(db);
        Assert.Equal([12345], (await search.ExecuteAsync(new SearchBooksRequest("\"book 12345\" author:bob"), default)).Value.Select(b => b.Id));
        // A prefix is expanded through the index's vocabulary, which the rebuild filled too.
        Assert.Contains(12345, (await search.ExecuteAsync(new SearchBooksRequest("1234 author:bob") { Limit = 1000 }, default)).Value.Select(b => b.Id));
        var later = await BookTestData.AddAsync(db, "Written Later", "Dee Writer", "Cy Editor");
        Assert.Equal([later.Id], (await search.ExecuteAsync(new SearchBooksRequest("later dee"), default)).Value.Select(b => b.Id));
        // So are the book counts' triggers.
        Assert.Equal(Rows + 1, await db.Authors.Where(a => a.Name == "Cy Editor").Select(a => a.BookCount).SingleAsync());
    }

    [Fact]
    public async Task LargeImportStoppedByStrict_LeavesTheSchemaAndBooksAsTheyWere()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportTextAsync(db, "title,number_of_pages,first_name,last_name\nKept,1,Ann,Writer\n");
        var before = await SchemaAsync(db);

        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream(BigFile(badRowAt: Rows - 10))) { Strict = true });

        Assert.Equal("import.strict", error.Code);
        Assert.Equal(before, await SchemaAsync(db));
        Assert.Equal(1, await db.Books.CountAsync());
    }

    [Fact]
    public async Task LargeImport_ThenAReferenceToNoBook_IsStillRefused()
    {
        await using var db = await fixture.OpenNewAsync();
        await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(BigFile(badRowAt: null))));

        // The foreign keys are back (PostgreSQL) or enforced again (SQLite) once the import is over.
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("INSERT INTO book_identifiers (book_id, scheme, value) VALUES (999999, 'x', 'y')"));
        Assert.Equal(0, await db.BookIdentifiers.CountAsync(i => i.Scheme == "x"));
    }

    internal static byte[] BigFile(int? badRowAt)
    {
        var csv = new StringBuilder("book_id,goodreads_book_id,authors,original_publication_year,title,isbn,isbn13\n");
        for (var i = 1; i <= Rows; i++)
        {
            var body = "978" + ((i * 7919L) % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
            var check = (10 - (body.Select((c, k) => (c - '0') * (k % 2 == 0 ? 1 : 3)).Sum() % 10)) % 10;
            // A row without a title is the one kind of row an import rejects.
            var title = i == badRowAt ? string.Empty : $"Book {i}";
            csv.Append(CultureInfo.InvariantCulture, $"{i},{i + 1_000_000},\"{(i % 2 == 0 ? "Ann Writer" : "Bob Writer")}, Cy Editor\",2001.0,{title},,{body}{check}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : BulkLoadTests(fixture), IClassFixture<SqliteDatabaseFixture>
    {
        private readonly SqliteDatabaseFixture _fixture = fixture;

        protected override Task<List<string>> SchemaAsync(ShelfDbContext db) =>
            db.RowsAsync("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE type IN ('index', 'table', 'trigger') ORDER BY name");

        [Fact]
        public async Task LargeImportIntoAnEmptyLibrary_PausesForeignKeyEnforcement_AndTurnsItBackOn()
        {
            await using var db = await _fixture.OpenNewAsync();
            var during = new List<long>();

            // Progress is reported on the import's own thread, between rows, on its connection.
            var progress = new SynchronousProgress(_ => during.Add(db.ScalarAsync<long>("PRAGMA foreign_keys").GetAwaiter().GetResult()));
            var result = await new ImportCatalog(db).ExecuteAsync(new ImportRequest(new MemoryStream(BigFile(badRowAt: null))), progress, CancellationToken.None);

            Assert.True(result.IsSuccess, result.Error?.Message);
            Assert.NotEmpty(during);
            Assert.All(during, enforced => Assert.Equal(0, enforced));
            Assert.Equal(1, await db.ScalarAsync<long>("PRAGMA foreign_keys"));
            Assert.Equal("ok", await db.ScalarAsync<string>("PRAGMA integrity_check"));
            Assert.Empty(await db.RowsAsync("SELECT \"table\" FROM pragma_foreign_key_check"));
        }

        [Fact]
        public async Task LargeImportIntoALibraryWithBooks_KeepsForeignKeysEnforced()
        {
            await using var db = await _fixture.OpenNewAsync();
            await CatalogImports.ImportTextAsync(db, "title,number_of_pages,first_name,last_name\nKept,1,Ann,Writer\n");
            var during = new List<long>();

            var progress = new SynchronousProgress(_ => during.Add(db.ScalarAsync<long>("PRAGMA foreign_keys").GetAwaiter().GetResult()));
            var result = await new ImportCatalog(db).ExecuteAsync(new ImportRequest(new MemoryStream(BigFile(badRowAt: null))), progress, CancellationToken.None);

            Assert.True(result.IsSuccess, result.Error?.Message);
            Assert.NotEmpty(during);
            Assert.All(during, enforced => Assert.Equal(1, enforced));
        }

        [Fact]
        public async Task LargeImportThatFails_TurnsForeignKeyEnforcementBackOn()
        {
            await using var db = await _fixture.OpenNewAsync();

            await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream(BigFile(badRowAt: Rows - 10))) { Strict = true });

            Assert.Equal(1, await db.ScalarAsync<long>("PRAGMA foreign_keys"));
            Assert.Equal(0, await db.Books.CountAsync());
        }
    }

    /// <summary>MySQL sets nothing aside (every ALTER commits the transaction); the schema must come back unchanged all the same.</summary>
    public sealed class MySql(MySqlDatabaseFixture fixture) : BulkLoadTests(fixture), IClassFixture<MySqlDatabaseFixture>
    {
        protected override Task<List<string>> SchemaAsync(ShelfDbContext db) =>
            db.RowsAsync(
                """
                SELECT CONCAT_WS(' ', TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
                UNION ALL
                SELECT CONCAT_WS(' ', TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE) FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()
                UNION ALL
                SELECT CONCAT_WS(' ', CONSTRAINT_NAME, CHECK_CLAUSE) FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()
                UNION ALL
                SELECT CONCAT_WS(' ', TRIGGER_NAME, ACTION_STATEMENT) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
                ORDER BY 1
                """);
    }

    public sealed class Postgres(PostgresDatabaseFixture fixture) : BulkLoadTests(fixture), IClassFixture<PostgresDatabaseFixture>
    {
        protected override Task<List<string>> SchemaAsync(ShelfDbContext db) =>
            db.RowsAsync(
                """
                SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()
                UNION ALL
                SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
                ORDER BY 1
                """);
    }
}
