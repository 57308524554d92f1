using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MySql.Data.MySqlClient;
using Npgsql;
using Shelf.Core.Data;
using Shelf.Testing;

namespace Shelf.Core.Tests.Data;

/// <summary>
/// The database itself refuses bad rows, whatever program writes them: every statement here is
/// plain SQL on the connection, never EF's validation. Each test runs in a transaction that is
/// rolled back, so the class shares one database.
/// </summary>
public abstract class SchemaRulesTests(DatabaseFixture fixture)
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task InsertBook_ValidRow_Accepted()
    {
        await using var scope = await BeginAsync();

        var id = await InsertBookAsync(scope.Db, title: "Dune", isbn13: "9780441172719", pages: 412, rating: 5);

        Assert.Equal(1, await scope.Db.ScalarAsync<int>("SELECT count(*) FROM books WHERE id = @id", ("id", id)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task InsertBook_BlankTitle_RejectedByTitleCheck(string title)
    {
        await using var scope = await BeginAsync();

        await AssertCheckViolationAsync("ck_books_title_not_blank", () => InsertBookAsync(scope.Db, title: title));
    }

    [Fact]
    public async Task InsertBook_NullTitle_RejectedAsNotNull()
    {
        await using var scope = await BeginAsync();

        var exception = await Assert.ThrowsAnyAsync<DbException>(() => InsertBookAsync(scope.Db, title: null));

        AssertViolation(exception, sqliteExtendedCode: 1299, postgresState: PostgresErrorCodes.NotNullViolation);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task InsertBook_PagesNotPositive_RejectedByPagesCheck(int pages)
    {
        await using var scope = await BeginAsync();

        await AssertCheckViolationAsync("ck_books_pages_positive", () => InsertBookAsync(scope.Db, pages: pages));
    }

    [Fact]
    public async Task InsertBook_DuplicateIsbn13_RejectedByUniqueIndex()
    {
        await using var scope = await BeginAsync();
        await InsertBookAsync(scope.Db, title: "Dune", isbn13: "9780441172719");

        var exception = await Assert.ThrowsAnyAsync<DbException>(() => InsertBookAsync(scope.Db, title: "Dune (again)", isbn13: "9780441172719"));

        AssertUniqueViolation(exception, postgresIndex: "ix_books_isbn13", sqliteColumns: "books.isbn13");
    }

    [Fact]
    public async Task InsertBook_SeveralWithoutIsbn13_Accepted()
    {
        await using var scope = await BeginAsync();

        await InsertBookAsync(scope.Db, title: "Notebook one", isbn13: null);
        await InsertBookAsync(scope.Db, title: "Notebook two", isbn13: null);

        Assert.Equal(2, await scope.Db.ScalarAsync<int>("SELECT count(*) FROM books WHERE isbn13 IS NULL"));
    }

    [Theory]
    [InlineData("978044117271")] // 12 digits
    [InlineData("97804411727X9")] // a letter
    [InlineData("978044117271A")] // a letter at the end
    [InlineData("9770441172715")] // 977: an ISSN, not a book
    [InlineData("1234567890123")] // no ISBN prefix at all
    [InlineData("978 441172719")] // a space
    public async Task InsertBook_MalformedIsbn13_RejectedByIsbnCheck(string isbn13)
    {
        await using var scope = await BeginAsync();

        await AssertCheckViolationAsync("ck_books_isbn13_digits", () => InsertBookAsync(scope.Db, isbn13: isbn13));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task InsertBook_RatingOutsideOneToFive_RejectedByRatingCheck(int rating)
    {
        await using var scope = await BeginAsync();

        await AssertCheckViolationAsync("ck_books_rating_range", () => InsertBookAsync(scope.Db, rating: rating));
    }

    [Fact]
    public async Task UpdateBook_RatingSix_RejectedByRatingCheck()
    {
        await using var scope = await BeginAsync();
        var id = await InsertBookAsync(scope.Db, rating: 5);

        await AssertCheckViolationAsync(
            "ck_books_rating_range",
            () => scope.Db.ExecuteAsync("UPDATE books SET rating = 6 WHERE id = @id", ("id", id)));
    }

    [Fact]
    public async Task InsertAuthor_DuplicateNameKey_RejectedByUniqueIndex()
    {
        await using var scope = await BeginAsync();
        await InsertAuthorAsync(scope.Db, "Kate Quinn", "kate quinn");

        var exception = await Assert.ThrowsAnyAsync<DbException>(() => InsertAuthorAsync(scope.Db, "QUINN, Kate", "kate quinn"));

        AssertUniqueViolation(exception, postgresIndex: "ix_authors_name_key", sqliteColumns: "authors.name_key");
    }

    [Fact]
    public async Task InsertBookAuthor_MissingBook_RejectedByForeignKey()
    {
        await using var scope = await BeginAsync();
        var author = await InsertAuthorAsync(scope.Db, "Kate Quinn", "kate quinn");

        var exception = await Assert.ThrowsAnyAsync<DbException>(() => InsertBookAuthorAsync(scope.Db, bookId: int.MaxValue, author));

        AssertForeignKeyViolation(exception, "fk_book_authors_books_book_id");
    }

    [Fact]
    public async Task InsertBookAuthor_MissingAuthor_RejectedByForeignKey()
    {
        await using var scope = await BeginAsync();
        var book = await InsertBookAsync(scope.Db);

        var exception = await Assert.ThrowsAnyAsync<DbException>(() => InsertBookAuthorAsync(scope.Db, book, authorId: int.MaxValue));

        AssertForeignKeyViolation(exception, "fk_book_authors_authors_author_id");
    }

    [Theory]
    [InlineData("writer")]
    [InlineData("Author")]
    [InlineData("")]
    public async Task InsertBookAuthor_RoleNotInTheList_RejectedByRoleCheck(string role)
    {
        await using var scope = await BeginAsync();
        var book = await InsertBookAsync(scope.Db);
        var author = await InsertAuthorAsync(scope.Db, "Kate Quinn", "kate quinn");

        await AssertCheckViolationAsync("ck_book_authors_role", () => InsertBookAuthorAsync(scope.Db, book, author, role: role));
    }

    [Theory]
    [InlineData("author")]
    [InlineData("editor")]
    [InlineData("translator")]
    [InlineData("illustrator")]
    [InlineData("narrator")]
    [InlineData("contributor")]
    public async Task InsertBookAuthor_EveryKnownRole_Accepted(string role)
    {
        await using var scope = await BeginAsync();
        var book = await InsertBookAsync(scope.Db);
        var author = await InsertAuthorAsync(scope.Db, "Kate Quinn", "kate quinn");

        await InsertBookAuthorAsync(scope.Db, book, author, role: role);

        Assert.Equal(1, await scope.Db.ScalarAsync<int>("SELECT count(*) FROM book_authors WHERE book_id = @id", ("id", book)));
    }

    [Fact]
    public async Task DeleteAuthor_StillLinkedToABook_RejectedByForeignKey()
    {
        await using var scope = await BeginAsync();
        var book = await InsertBookAsync(scope.Db);
        var author = await InsertAuthorAsync(scope.Db, "Kate Quinn", "kate quinn");
        await InsertBookAuthorAsync(scope.Db, book, author);

        var exception = await Assert.ThrowsAnyAsync<DbException>(() => scope.Db.ExecuteAsync("DELETE FROM authors WHERE id = @id", ("id", author)));

        AssertForeignKeyViolation(exception, "fk_book_authors_authors_author_id");
    }

    [Fact]
    public async Task DeleteBook_LinkedToAnAuthor_RemovesTheLinkAndKeepsTheAuthor()
    {
        await using var scope = await BeginAsync();
        var book = await InsertBookAsync(scope.Db);
        var author = await InsertAuthorAsync(scope.Db, "Kate Quinn", "kate quinn");
        await InsertBookAuthorAsync(scope.Db, book, author);

        await scope.Db.ExecuteAsync("DELETE FROM books WHERE id = @id", ("id", book));

        Assert.Equal(0, await scope.Db.ScalarAsync<int>("SELECT count(*) FROM book_authors WHERE author_id = @id", ("id", author)));
        Assert.Equal(1, await scope.Db.ScalarAsync<int>("SELECT count(*) FROM authors WHERE id = @id", ("id", author)));
    }

    private async Task<Scope> BeginAsync()
    {
        var db = await fixture.OpenAsync();
        var transaction = await db.Database.BeginTransactionAsync();
        return new Scope(db, transaction);
    }

    private static async Task<int> InsertBookAsync(
        ShelfDbContext db, string? title = "A book", string? isbn13 = null, int? pages = null, int? rating = null) =>
        await db.ScalarAsync<int>(
            """
            INSERT INTO books (title, title_key, isbn13, pages, rating, added_at, updated_at, read_count)
            VALUES (@title, @titleKey, @isbn13, @pages, @rating, @now, @now, 0)
            RETURNING id
            """,
            ("title", title),
            ("titleKey", title?.Trim().ToLowerInvariant()),
            ("isbn13", isbn13),
            ("pages", pages),
            ("rating", rating),
            ("now", Now));

    private static async Task<int> InsertAuthorAsync(ShelfDbContext db, string name, string nameKey) =>
        await db.ScalarAsync<int>(
            "INSERT INTO authors (name, sort_name, name_key) VALUES (@name, @name, @key) RETURNING id",
            ("name", name),
            ("key", nameKey));

    private static Task<int> InsertBookAuthorAsync(ShelfDbContext db, int bookId, int authorId, string role = "author", int position = 0) =>
        db.ExecuteAsync(
            "INSERT INTO book_authors (book_id, author_id, role, position) VALUES (@book, @author, @role, @position)",
            ("book", bookId),
            ("author", authorId),
            ("role", role),
            ("position", position));

    private static async Task AssertCheckViolationAsync(string constraint, Func<Task> write)
    {
        var exception = await Assert.ThrowsAnyAsync<DbException>(write);
        AssertViolation(exception, sqliteExtendedCode: 275, postgresState: PostgresErrorCodes.CheckViolation);
        AssertNames(exception, constraint, constraint);
    }

    private static void AssertUniqueViolation(DbException exception, string postgresIndex, string sqliteColumns)
    {
        AssertViolation(exception, sqliteExtendedCode: 2067, postgresState: PostgresErrorCodes.UniqueViolation);
        AssertNames(exception, postgresIndex, sqliteColumns);
    }

    private static void AssertForeignKeyViolation(DbException exception, string constraint)
    {
        // SQLite does not say which foreign key failed, and reports an ON DELETE RESTRICT
        // refusal as SQLITE_CONSTRAINT_TRIGGER (1811) rather than SQLITE_CONSTRAINT_FOREIGNKEY (787).
        AssertViolation(exception, sqliteExtendedCode: [787, 1811], postgresState: PostgresErrorCodes.ForeignKeyViolation);
        AssertNames(exception, constraint, sqliteMessagePart: "FOREIGN KEY constraint failed");
    }

    private static void AssertViolation(DbException exception, int sqliteExtendedCode, string postgresState) =>
        AssertViolation(exception, [sqliteExtendedCode], postgresState);

    private static void AssertViolation(DbException exception, int[] sqliteExtendedCode, string postgresState)
    {
        switch (exception)
        {
            case SqliteException sqlite:
                Assert.Contains(sqlite.SqliteExtendedErrorCode, sqliteExtendedCode);
                break;
            case PostgresException postgres:
                Assert.Equal(postgresState, postgres.SqlState);
                break;
            case MySqlException mysql:
                Assert.Contains(mysql.Number, MySqlConstraintErrors.For(postgresState));
                break;
            default:
                Assert.Fail($"Unexpected {exception.GetType().Name}: {exception.Message}");
                break;
        }
    }

    private static void AssertNames(DbException exception, string postgresConstraint, string sqliteMessagePart)
    {
        if (exception is PostgresException postgres)
        {
            Assert.Equal(postgresConstraint, postgres.ConstraintName);
        }
        else if (exception is MySqlException)
        {
            // "CONSTRAINT `ck_books_pages_positive` failed", "Duplicate entry ... for key 'ix_books_isbn13'".
            Assert.Contains(postgresConstraint, exception.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(sqliteMessagePart, exception.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>A context with a transaction that is rolled back on dispose.</summary>
    private sealed class Scope(ShelfDbContext db, IDbContextTransaction transaction) : IAsyncDisposable
    {
        public ShelfDbContext Db { get; } = db;

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await Db.DisposeAsync();
        }
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : SchemaRulesTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : SchemaRulesTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : SchemaRulesTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
