namespace Shelf.Core.Features.Authors;

/// <summary>
/// Each author's <c>book_count</c>, kept by the database itself: the number of distinct books the
/// person is credited on (an author who also illustrated a book counts it once). Counting the
/// credits of every author to list the most prolific ones is a scan of the whole library; the
/// column and its index make <c>authors --by-books</c> a walk of one page. Triggers keep it true
/// for every write, another program's included; the bulk paths set them aside with the search
/// index's and recount in one pass (<see cref="Data.Bulk.BulkTriggers"/>). The <c>AuthorBookCounts</c>
/// migration runs the create SQL; the migration guard applies it after EnsureCreated so that both
/// schemas compare equal. A later change needs a migration of its own.
/// </summary>
internal static class AuthorBookCountSql
{
    // SQLite and MySQL run a row trigger as each row changes, so "the first credit of this person on
    // this book" is the one after which exactly one such row exists, and "the last" the one after
    // which none is left. The primary key (book_id, author_id, role) answers both with one seek.
    private static string SqliteCredits(string row) =>
        $"(SELECT count(*) FROM book_authors WHERE book_id = {row}.book_id AND author_id = {row}.author_id)";

    /// <summary>SQLite: the three triggers on credits (a credit removed with its book fires the delete trigger too).</summary>
    public static readonly string[] SqliteTriggers =
    [
        $"""
        CREATE TRIGGER tr_book_authors_count_insert AFTER INSERT ON book_authors
        WHEN {SqliteCredits("new")} = 1
        BEGIN
          UPDATE authors SET book_count = book_count + 1 WHERE id = new.author_id;
        END
        """,
        $"""
        CREATE TRIGGER tr_book_authors_count_delete AFTER DELETE ON book_authors
        WHEN {SqliteCredits("old")} = 0
        BEGIN
          UPDATE authors SET book_count = book_count - 1 WHERE id = old.author_id;
        END
        """,
        $"""
        CREATE TRIGGER tr_book_authors_count_update AFTER UPDATE OF book_id, author_id ON book_authors
        WHEN old.book_id <> new.book_id OR old.author_id <> new.author_id
        BEGIN
          UPDATE authors SET book_count = book_count - 1 WHERE id = old.author_id AND {SqliteCredits("old")} = 0;
          UPDATE authors SET book_count = book_count + 1 WHERE id = new.author_id AND {SqliteCredits("new")} = 1;
        END
        """,
    ];

    /// <summary>Names of <see cref="SqliteTriggers"/>, to set them aside.</summary>
    public static readonly string[] SqliteTriggerNames =
        ["tr_book_authors_count_insert", "tr_book_authors_count_delete", "tr_book_authors_count_update"];

    /// <summary>Every author's count from the credits, writing only the rows that differ.</summary>
    public const string SqliteRecount =
        """
        UPDATE authors SET book_count = c.n
        FROM (SELECT author_id, count(DISTINCT book_id) AS n FROM book_authors GROUP BY author_id) AS c
        WHERE c.author_id = authors.id AND authors.book_count <> c.n;
        UPDATE authors SET book_count = 0
        WHERE book_count <> 0 AND NOT EXISTS (SELECT 1 FROM book_authors ba WHERE ba.author_id = authors.id);
        """;

    public static string SqliteCreate => string.Join(";\n", SqliteTriggers) + ";\n" + SqliteRecount;

    public static string SqliteDrop => string.Concat(SqliteTriggerNames.Select(name => $"DROP TRIGGER {name};\n"));

    // PostgreSQL fires the row triggers of a statement only at its end, when every row is in, so
    // the first/last test above would miscount a statement that writes two credits of one person on
    // one book. The triggers fire per statement instead, over its transition tables: a pair (book,
    // person) is gained when it has credits now and had none before the statement (now - written +
    // removed = 0), and lost when it had some and has none now. A COPY of 10,000 credits is one
    // set-based UPDATE, not 10,000.
    private const string NoCredits = "(SELECT NULL::integer AS book_id, NULL::integer AS author_id WHERE false)";

    private static string PostgresRecountFunction(string name, string? written, string? removed) =>
        $"""
        CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('shelf.book_counts', true) IS DISTINCT FROM 'deferred' THEN
            UPDATE authors a SET book_count = a.book_count + d.delta
            FROM (SELECT t.author_id, sum(CASE WHEN t.now > 0 AND t.now - t.written + t.removed = 0 THEN 1
                                              WHEN t.now = 0 AND t.removed > 0 THEN -1 ELSE 0 END) AS delta
                  FROM (SELECT p.author_id, p.written, p.removed,
                               (SELECT count(*) FROM book_authors ba WHERE ba.book_id = p.book_id AND ba.author_id = p.author_id) AS now
                        FROM (SELECT book_id, author_id, sum(w) AS written, sum(r) AS removed
                              FROM (SELECT book_id, author_id, 1 AS w, 0 AS r FROM {written ?? NoCredits} x
                                    UNION ALL SELECT book_id, author_id, 0, 1 FROM {removed ?? NoCredits} y) z
                              GROUP BY book_id, author_id) p) t
                  GROUP BY t.author_id) d
            WHERE a.id = d.author_id AND d.delta <> 0;
          END IF;
          RETURN NULL;
        END
        $$;
        """;

    public static readonly string PostgresCreate =
        PostgresRecountFunction("shelf_book_counts_credits_inserted", "new_credits", null)
        + PostgresRecountFunction("shelf_book_counts_credits_deleted", null, "old_credits")
        + PostgresRecountFunction("shelf_book_counts_credits_updated", "new_credits", "old_credits")
        + """
        CREATE TRIGGER tr_book_authors_count_insert AFTER INSERT ON book_authors
          REFERENCING NEW TABLE AS new_credits FOR EACH STATEMENT EXECUTE FUNCTION shelf_book_counts_credits_inserted();
        CREATE TRIGGER tr_book_authors_count_delete AFTER DELETE ON book_authors
          REFERENCING OLD TABLE AS old_credits FOR EACH STATEMENT EXECUTE FUNCTION shelf_book_counts_credits_deleted();
        CREATE TRIGGER tr_book_authors_count_update AFTER UPDATE ON book_authors
          REFERENCING OLD TABLE AS old_credits NEW TABLE AS new_credits FOR EACH STATEMENT EXECUTE FUNCTION shelf_book_counts_credits_updated();
        """;

    public const string PostgresRecount =
        """
        UPDATE authors a SET book_count = c.n
        FROM (SELECT author_id, count(DISTINCT book_id) AS n FROM book_authors GROUP BY author_id) c
        WHERE c.author_id = a.id AND a.book_count <> c.n;
        UPDATE authors a SET book_count = 0
        WHERE a.book_count <> 0 AND NOT EXISTS (SELECT 1 FROM book_authors ba WHERE ba.author_id = a.id);
        """;

    public const string PostgresDrop =
        """
        DROP TRIGGER tr_book_authors_count_insert ON book_authors;
        DROP TRIGGER tr_book_authors_count_delete ON book_authors;
        DROP TRIGGER tr_book_authors_count_update ON book_authors;
        DROP FUNCTION shelf_book_counts_credits_inserted(), shelf_book_counts_credits_deleted(), shelf_book_counts_credits_updated();
        """;

    /// <summary>Within the bulk import's transaction: the triggers skip, the end recounts.</summary>
    public const string PostgresDefer = "SET LOCAL shelf.book_counts = 'deferred'";

    public const string PostgresResume = "SET LOCAL shelf.book_counts = 'on'";

    private static string MySqlCredits(string row) =>
        $"(SELECT COUNT(*) FROM book_authors WHERE book_id = {row}.book_id AND author_id = {row}.author_id)";

    /// <summary>
    /// MySQL/MariaDB: row triggers as on SQLite, and one on books, because InnoDB removes a deleted
    /// book's credits (ON DELETE CASCADE) without firing the credits' triggers. Before the book goes,
    /// each person credited on it loses one book.
    /// </summary>
    public static readonly string[] MySqlCreate =
    [
        $"""
        CREATE TRIGGER tr_book_authors_count_insert AFTER INSERT ON book_authors FOR EACH ROW
        BEGIN
          IF @`shelf_book_counts_deferred` IS NULL AND {MySqlCredits("NEW")} = 1 THEN
            UPDATE authors SET book_count = book_count + 1 WHERE id = NEW.author_id;
          END IF;
        END
        """,
        $"""
        CREATE TRIGGER tr_book_authors_count_delete AFTER DELETE ON book_authors FOR EACH ROW
        BEGIN
          IF @`shelf_book_counts_deferred` IS NULL AND {MySqlCredits("OLD")} = 0 THEN
            UPDATE authors SET book_count = book_count - 1 WHERE id = OLD.author_id;
          END IF;
        END
        """,
        $"""
        CREATE TRIGGER tr_book_authors_count_update AFTER UPDATE ON book_authors FOR EACH ROW
        BEGIN
          IF @`shelf_book_counts_deferred` IS NULL AND (NEW.book_id <> OLD.book_id OR NEW.author_id <> OLD.author_id) THEN
            IF {MySqlCredits("OLD")} = 0 THEN UPDATE authors SET book_count = book_count - 1 WHERE id = OLD.author_id; END IF;
            IF {MySqlCredits("NEW")} = 1 THEN UPDATE authors SET book_count = book_count + 1 WHERE id = NEW.author_id; END IF;
          END IF;
        END
        """,
        """
        CREATE TRIGGER tr_books_count_delete BEFORE DELETE ON books FOR EACH ROW
        BEGIN
          IF @`shelf_book_counts_deferred` IS NULL THEN
            UPDATE authors SET book_count = book_count - 1 WHERE id IN (SELECT author_id FROM book_authors WHERE book_id = OLD.id);
          END IF;
        END
        """,
    ];

    public static readonly string[] MySqlRecount =
    [
        """
        UPDATE authors a JOIN (SELECT author_id, COUNT(DISTINCT book_id) AS n FROM book_authors GROUP BY author_id) c ON c.author_id = a.id
        SET a.book_count = c.n WHERE a.book_count <> c.n
        """,
        """
        UPDATE authors a LEFT JOIN book_authors ba ON ba.author_id = a.id
        SET a.book_count = 0 WHERE a.book_count <> 0 AND ba.author_id IS NULL
        """,
    ];

    public const string MySqlDrop =
        "DROP TRIGGER tr_book_authors_count_insert; DROP TRIGGER tr_book_authors_count_delete; DROP TRIGGER tr_book_authors_count_update; DROP TRIGGER tr_books_count_delete;";

    /// <summary>For this session (MySQL's settings are not transactional): the triggers skip, the end recounts.</summary>
    public const string MySqlDefer = "SET @`shelf_book_counts_deferred` = 1";

    public const string MySqlResume = "SET @`shelf_book_counts_deferred` = NULL";
}
