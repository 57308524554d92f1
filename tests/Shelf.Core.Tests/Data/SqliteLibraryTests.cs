using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Database;
using Shelf.Testing;

namespace Shelf.Core.Tests.Data;

/// <summary>
/// The SQLite library opened without EF: it opens only a library that is current, and leaves
/// every other file to <see cref="ShelfDatabase"/>, which creates, migrates or refuses it.
/// </summary>
public sealed class SqliteLibraryTests
{
    [Fact]
    public async Task KnownIds_ComparedWithEfsMigrations_SameInTheSameOrder()
    {
        using var file = new SqliteTestFile();
        await using var db = TestLibrary.CreateContext(file.Target);

        // A new SQLite migration must add its id to SqliteMigrationIds, or a one-shot command
        // would take every library for one to migrate (or a migrated one for current).
        Assert.Equal(db.Database.GetMigrations(), SqliteMigrationIds.All);
    }

    [Fact]
    public async Task TryOpenAsync_CurrentLibrary_OpensWithThePragmas()
    {
        using var file = new SqliteTestFile();
        await (await DatabaseFixture.OpenAsync(file.Target)).DisposeAsync();

        await using var library = await SqliteLibrary.TryOpenAsync(file.Target, default);

        Assert.NotNull(library);
        Assert.Equal(1L, await ScalarAsync(library, "PRAGMA foreign_keys"));
        Assert.Equal(30000L, await ScalarAsync(library, "PRAGMA busy_timeout"));
        Assert.Equal(1L, await ScalarAsync(library, "PRAGMA synchronous"));
    }

    [Fact]
    public async Task TryOpenAsync_NoFileYet_LeavesItToTheEfPathAndCreatesNothing()
    {
        using var file = new SqliteTestFile();

        Assert.Null(await SqliteLibrary.TryOpenAsync(file.Target, default));
        Assert.False(File.Exists(file.FilePath));
    }

    [Fact]
    public async Task TryOpenAsync_FileThatIsNoDatabase_LeavesItToTheEfPath()
    {
        using var file = new SqliteTestFile();
        await File.WriteAllTextAsync(file.FilePath, "not a database, just text that is long enough to look like a header of some kind");

        Assert.Null(await SqliteLibrary.TryOpenAsync(file.Target, default));
    }

    [Fact]
    public async Task TryOpenAsync_LibraryLackingTheLastMigration_LeavesItToTheEfPathWhichMigratesIt()
    {
        // As an older Shelf left it: migrated up to the migration before the last.
        using var file = new SqliteTestFile();
        await using (var db = TestLibrary.CreateContext(file.Target))
        {
            await db.Database.GetService<IMigrator>().MigrateAsync(SqliteMigrationIds.All[^2]);
        }

        Assert.Null(await SqliteLibrary.TryOpenAsync(file.Target, default));

        await (await DatabaseFixture.OpenAsync(file.Target)).DisposeAsync();
        await using var library = await SqliteLibrary.TryOpenAsync(file.Target, default);
        Assert.NotNull(library);
    }

    [Fact]
    public async Task TryOpenAsync_LibraryWithAMigrationThisShelfLacks_LeavesItToTheEfPath()
    {
        using var file = new SqliteTestFile();
        await (await DatabaseFixture.OpenAsync(file.Target)).DisposeAsync();
        await ExecuteAsync(file, "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '10.0.0')");

        Assert.Null(await SqliteLibrary.TryOpenAsync(file.Target, default));
    }

    [Fact]
    public async Task TryOpenAsync_NotSqlite_Null()
    {
        var target = DatabaseTarget.Resolve("postgres://user@127.0.0.1:1/none", _ => null).Value!;

        Assert.Null(await SqliteLibrary.TryOpenAsync(target, default));
    }

    [Fact]
    public async Task Reads_ComparedWithTheEfPath_SameAnswers()
    {
        using var file = new SqliteTestFile();
        await using (var db = await DatabaseFixture.OpenAsync(file.Target))
        {
            await new AddBook(db).ExecuteAsync(new AddBookRequest("The Hobbit", [new AuthorCredit("J. R. R. Tolkien")]) { Isbn = "0261102214", Pages = "310" }, default);
            await new AddBook(db).ExecuteAsync(new AddBookRequest("Dune", [new AuthorCredit("Frank Herbert")]) { Year = "1965" }, default);
        }

        await using var library = await SqliteLibrary.TryOpenAsync(file.Target, default);
        Assert.NotNull(library);
        await using var ef = await DatabaseFixture.OpenAsync(file.Target);
        var request = new ListBooksRequest { Limit = 10, CountTotal = true };

        Assert.Equivalent((await new ListBooks(ef).ExecuteAsync(request, default)).Value, (await ListBooks.ExecuteAsync(library, request, default)).Value, strict: true);
        Assert.Equivalent((await new GetBook(ef).ExecuteAsync("9780261102217", default)).Value, (await GetBook.ExecuteAsync(library, "9780261102217", default)).Value, strict: true);
        Assert.Equal((await new GetBook(ef).ExecuteAsync("99", default)).Error, (await GetBook.ExecuteAsync(library, "99", default)).Error);
        Assert.Equivalent(await new GetDatabaseStatus(ef, file.Target).ExecuteAsync(default), await GetDatabaseStatus.ExecuteAsync(library, default), strict: true);
    }

    public static TheoryData<string> Edits => new()
    {
        "pages",
        "title and authors",
        "add and remove an author",
        "isbn taken",
        "unknown book",
        "same value",
        "personal fields",
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task EditBook_WithoutEf_SameResultAndSameRowsAsTheEfEdit(string edit)
    {
        var request = edit switch
        {
            "pages" => new EditBookRequest("1") { Pages = "320" },
            "title and authors" => new EditBookRequest("1") { Title = "There and Back Again", Authors = [new AuthorCredit("Bilbo Baggins"), new AuthorCredit("J. R. R. Tolkien")] },
            "add and remove an author" => new EditBookRequest("9780261102217") { AddAuthors = [new AuthorCredit("Alan Lee (illustrator)")], RemoveAuthors = [] },
            "isbn taken" => new EditBookRequest("2") { Isbn = "0261102214" },
            "unknown book" => new EditBookRequest("99") { Pages = "1" },
            "same value" => new EditBookRequest("1") { Pages = "310" },
            _ => new EditBookRequest("2") { Rating = "4", Status = "read", DateRead = "2026-11-30", Review = "Spice.", ReadCount = "2" },
        };
        using var viaEf = await TwoBooksAsync();
        using var plain = await TwoBooksAsync();

        Result<BookDetails> byEf;
        await using (var db = await DatabaseFixture.OpenAsync(viaEf.Target))
        {
            byEf = await new EditBook(db).ExecuteAsync(request, default);
        }

        Result<BookDetails> byPlain;
        await using (var library = await SqliteLibrary.TryOpenAsync(plain.Target, default))
        {
            byPlain = await EditBook.ExecuteAsync(library!, request, default);
        }

        Assert.Equal(byEf.Error, byPlain.Error);
        Assert.Equivalent(byEf.IsSuccess ? WithoutTimes(byEf.Value) : null, byPlain.IsSuccess ? WithoutTimes(byPlain.Value) : null, strict: true);
        Assert.Equal(await RowsAsync(viaEf), await RowsAsync(plain));
        Assert.Equal(await TouchedAsync(viaEf), await TouchedAsync(plain));
    }

    private static readonly string UpdatedAtBefore = "2026-01-01 00:00:00";

    private static async Task<SqliteTestFile> TwoBooksAsync()
    {
        var file = new SqliteTestFile();
        await using var db = await DatabaseFixture.OpenAsync(file.Target);
        await new AddBook(db).ExecuteAsync(new AddBookRequest("The Hobbit", [new AuthorCredit("J. R. R. Tolkien")]) { Isbn = "0261102214", Pages = "310" }, default);
        await new AddBook(db).ExecuteAsync(new AddBookRequest("Dune", [new AuthorCredit("Frank Herbert")]) { Year = "1965" }, default);
        await db.ExecuteAsync($"UPDATE books SET added_at = '{UpdatedAtBefore}', updated_at = '{UpdatedAtBefore}'");
        return file;
    }

    private static BookDetails? WithoutTimes(BookDetails? details) =>
        details is null ? null : details with { UpdatedAt = default, Lines = [.. details.Lines.Where(l => !l.Label.Contains("pdated", StringComparison.Ordinal))] };

    // Every stored row of a book, its credits and authors, but the time of the change.
    private static async Task<List<string>> RowsAsync(SqliteTestFile file)
    {
        await using var db = await DatabaseFixture.OpenAsync(file.Target);
        var rows = await db.RowsAsync("SELECT json_array(id, title, title_key, subtitle, pages, isbn13, year_published, rating, status, date_read, read_count, review, added_at) FROM books ORDER BY id");
        rows.AddRange(await db.RowsAsync("SELECT json_array(book_id, author_id, position, role) FROM book_authors ORDER BY book_id, position"));
        rows.AddRange(await db.RowsAsync("SELECT json_array(id, name, sort_name, name_key) FROM authors ORDER BY id"));
        rows.AddRange(await db.RowsAsync("SELECT json_array(rowid, title, authors) FROM book_search ORDER BY rowid"));
        return rows;
    }

    // Which books' update time moved: a change that stores nothing new leaves it, as EF does.
    private static async Task<List<string>> TouchedAsync(SqliteTestFile file)
    {
        await using var db = await DatabaseFixture.OpenAsync(file.Target);
        return await db.RowsAsync($"SELECT id, updated_at <> '{UpdatedAtBefore}' FROM books ORDER BY id");
    }

    private static async Task<object?> ScalarAsync(SqliteLibrary library, string sql)
    {
        await using var command = library.Connection.Command(sql);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(SqliteTestFile file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file.FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
