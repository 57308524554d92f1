namespace Shelf.Core.Features.Search;

/// <summary>
/// The MySQL/MariaDB side of the search index: a table of every word of every book, kept by
/// triggers, that the search reads with plain indexed lookups (<see cref="FullTextQuery"/>'s MySQL
/// dialect). InnoDB's FULLTEXT is not used: it drops words shorter than the server's
/// <c>innodb_ft_min_token_size</c> (3 by default, a server setting Shelf cannot change) and a list of
/// stop words, so "of" or "the" would find nothing there and every book on the other engines.
/// </summary>
/// <remarks>
/// One row per word: the field (1 title key and subtitle, 2 author name keys in credit order,
/// 3 series, 4 publisher, as the columns of the FTS5 table), its position in that field (phrases
/// are consecutive positions in one field) and the word. Title and author keys are Shelf's own
/// folded keys; subtitle, series and publisher are cut into words here (lower case, every run of
/// characters that are not letters, digits or marks a break, as FTS5's unicode61 and the
/// PostgreSQL fold do). Accents are not removed in SQL, which MySQL cannot do: the word column's
/// accent- and case-insensitive collation makes "é" equal "e" in every lookup instead. The words of
/// a field are split with JSON_TABLE (MariaDB 10.6+, MySQL 8), whose input cannot hold a quote or
/// a backslash once only letters, digits, marks and spaces are left.
/// A transaction that sets <c>@`shelf_search_deferred`</c> skips the triggers and rebuilds at the
/// end (the bulk import), as <c>shelf.search_index</c> does on PostgreSQL.
/// </remarks>
internal static partial class SearchIndexSql
{
    /// <summary>The longest word kept (the column's width); a longer one is cut, here and in a query.</summary>
    public const int MySqlWordLength = 100;

    private const string MySqlWordCollation = "utf8mb4_unicode_520_ci";

    // Lower case, and every run of characters that are not letters, digits or marks one space. The
    // pattern's backslashes are CHAR(92) (in utf8mb4: a binary pattern would cut letters into bytes); a
    // literal one would mean another thing under the NO_BACKSLASH_ESCAPES mode a library may be created in.
    private const string MySqlNotWord = "CONCAT('[^', CHAR(92 USING utf8mb4), 'p{L}', CHAR(92 USING utf8mb4), 'p{N}', CHAR(92 USING utf8mb4), 'p{M}]+')";

    private static string MySqlFold(string value) =>
        $"TRIM(REGEXP_REPLACE(LOWER(COALESCE({value}, '')), {MySqlNotWord}, ' '))";

    // The four fields of the books a condition on "b" (and "ba" for credits) selects, as (book_id, field, text).
    private static string MySqlFields(string books, string credits) =>
        $"""
        SELECT b.id AS book_id, 1 AS field, {MySqlFold("CONCAT_WS(' ', b.title_key, b.subtitle)")} AS text FROM books b WHERE {books}
        UNION ALL SELECT ba.book_id, 2, GROUP_CONCAT(a.name_key ORDER BY ba.position SEPARATOR ' ') FROM book_authors ba JOIN authors a ON a.id = ba.author_id WHERE {credits} GROUP BY ba.book_id
        UNION ALL SELECT b.id, 3, {MySqlFold("b.series")} FROM books b WHERE {books} AND b.series IS NOT NULL
        UNION ALL SELECT b.id, 4, {MySqlFold("b.publisher")} FROM books b WHERE {books} AND b.publisher IS NOT NULL
        """;

    // The words of those fields, numbered from 1 within each.
    private static string MySqlWordsInsert(string books, string credits) =>
        $"""
        INSERT INTO book_search (book_id, field, position, word)
        SELECT f.book_id, f.field, w.position, LEFT(w.word, {MySqlWordLength})
        FROM ({MySqlFields(books, credits)}) f,
             JSON_TABLE(CONCAT('["', REPLACE(f.text, ' ', '","'), '"]'), '$[*]' COLUMNS (position FOR ORDINALITY, word TEXT PATH '$')) w
        WHERE f.text <> '' AND w.word <> ''
        """;

    /// <summary>The table, the refresh procedure and the triggers (migration <c>SearchIndex</c> on MySQL), one statement each.</summary>
    public static readonly string[] MySqlCreate =
    [
        $"""
        CREATE TABLE book_search (
          book_id INT NOT NULL,
          field TINYINT NOT NULL,
          position SMALLINT NOT NULL,
          word VARCHAR({MySqlWordLength}) CHARACTER SET utf8mb4 COLLATE {MySqlWordCollation} NOT NULL,
          PRIMARY KEY (book_id, field, position),
          KEY ix_book_search_word (word, book_id),
          CONSTRAINT fk_book_search_books_book_id FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE CASCADE
        ) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        """,
        // group_concat_max_len is 1 KB by default: a book's author names may be longer.
        $"""
        CREATE PROCEDURE shelf_search_refresh(book INT)
        BEGIN
          SET SESSION group_concat_max_len = GREATEST(@@session.group_concat_max_len, 1048576);
          DELETE FROM book_search WHERE book_id = book;
          {MySqlWordsInsert("b.id = book", "ba.book_id = book")};
        END
        """,
        """
        CREATE TRIGGER tr_books_search_insert AFTER INSERT ON books FOR EACH ROW
        BEGIN
          IF @`shelf_search_deferred` IS NULL THEN CALL shelf_search_refresh(NEW.id); END IF;
        END
        """,
        """
        CREATE TRIGGER tr_books_search_update AFTER UPDATE ON books FOR EACH ROW
        BEGIN
          IF @`shelf_search_deferred` IS NULL AND NOT (NEW.title_key <=> OLD.title_key AND NEW.subtitle <=> OLD.subtitle
              AND NEW.series <=> OLD.series AND NEW.publisher <=> OLD.publisher) THEN
            CALL shelf_search_refresh(NEW.id);
          END IF;
        END
        """,
        """
        CREATE TRIGGER tr_book_authors_search_insert AFTER INSERT ON book_authors FOR EACH ROW
        BEGIN
          IF @`shelf_search_deferred` IS NULL THEN CALL shelf_search_refresh(NEW.book_id); END IF;
        END
        """,
        // A credit removed with its book (ON DELETE CASCADE) fires no trigger in MySQL; the book's words go with it the same way.
        """
        CREATE TRIGGER tr_book_authors_search_delete AFTER DELETE ON book_authors FOR EACH ROW
        BEGIN
          IF @`shelf_search_deferred` IS NULL THEN CALL shelf_search_refresh(OLD.book_id); END IF;
        END
        """,
        """
        CREATE TRIGGER tr_book_authors_search_update AFTER UPDATE ON book_authors FOR EACH ROW
        BEGIN
          IF @`shelf_search_deferred` IS NULL THEN
            CALL shelf_search_refresh(OLD.book_id);
            IF NEW.book_id <> OLD.book_id THEN CALL shelf_search_refresh(NEW.book_id); END IF;
          END IF;
        END
        """,
        """
        CREATE TRIGGER tr_authors_search_update AFTER UPDATE ON authors FOR EACH ROW
        BEGIN
          DECLARE done INT DEFAULT 0;
          DECLARE book INT;
          DECLARE books CURSOR FOR SELECT DISTINCT book_id FROM book_authors WHERE author_id = NEW.id;
          DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
          IF @`shelf_search_deferred` IS NULL AND NOT (NEW.name_key <=> OLD.name_key) THEN
            OPEN books;
            refresh: LOOP
              FETCH books INTO book;
              IF done THEN LEAVE refresh; END IF;
              CALL shelf_search_refresh(book);
            END LOOP;
            CLOSE books;
          END IF;
        END
        """,
    ];

    /// <summary>Fills the index from scratch in one pass (DELETE, not TRUNCATE: TRUNCATE would commit the import's transaction).</summary>
    public static readonly string[] MySqlRebuild =
    [
        "SET SESSION group_concat_max_len = GREATEST(@@session.group_concat_max_len, 1048576)",
        "DELETE FROM book_search",
        MySqlWordsInsert("TRUE", "TRUE"),
    ];

    public const string MySqlDrop =
        """
        DROP TRIGGER tr_books_search_insert; DROP TRIGGER tr_books_search_update;
        DROP TRIGGER tr_book_authors_search_insert; DROP TRIGGER tr_book_authors_search_delete; DROP TRIGGER tr_book_authors_search_update;
        DROP TRIGGER tr_authors_search_update; DROP PROCEDURE shelf_search_refresh; DROP TABLE book_search;
        """;

    public const string MySqlDefer = "SET @`shelf_search_deferred` = 1";

    public const string MySqlResume = "SET @`shelf_search_deferred` = NULL";
}
