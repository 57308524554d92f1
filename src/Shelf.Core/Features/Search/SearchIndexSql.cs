namespace Shelf.Core.Features.Search;

/// <summary>
/// The full-text index of the books, as SQL per database. It lives outside the EF model (EF has
/// no FTS5 virtual tables, and the triggers are the point): the <c>SearchIndex</c> migration runs
/// <see cref="SqliteCreate"/> or <see cref="PostgresCreate"/>; the bulk catalog import sets the
/// triggers aside and calls the rebuild; the migration guard applies the same SQL after
/// EnsureCreated so that both schemas still compare equal. A later change to these objects needs
/// a migration of its own that moves an existing library from this SQL to the new.
/// </summary>
/// <remarks>
/// What is indexed, per book: the title key and the subtitle (field "title"), the author name keys
/// in credit order ("author"), the series and the publisher. Title and author keys are already
/// folded by <see cref="Domain.TextKey"/>; the other three are folded by the database (FTS5's
/// unicode61 with diacritics removed; PostgreSQL's unaccent, lower case and punctuation to spaces),
/// which agree on everything but letters Unicode does not decompose (ø, ß) in those three fields.
/// Triggers keep the index true for every write, including another program's.
/// </remarks>
internal static partial class SearchIndexSql
{
    // The author names of one book, in credit order (SQLite's group_concat keeps the order of its input).
    private static string SqliteAuthorsOf(string bookId) =>
        $"coalesce((SELECT group_concat(name_key, ' ') FROM (SELECT a.name_key FROM book_authors ba JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = {bookId} ORDER BY ba.position)), '')";

    /// <summary>The FTS5 table (columns title, authors, series, publisher; rowid = book id).</summary>
    public const string SqliteTable =
        "CREATE VIRTUAL TABLE book_search USING fts5(title, authors, series, publisher, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')";

    /// <summary>The triggers that keep <c>book_search</c> in step with books, credits and author names.</summary>
    public static readonly string[] SqliteTriggers =
    [
        $"""
        CREATE TRIGGER tr_books_search_insert AFTER INSERT ON books BEGIN
          INSERT INTO book_search (rowid, title, authors, series, publisher)
          VALUES (new.id, new.title_key || ' ' || coalesce(new.subtitle, ''), {SqliteAuthorsOf("new.id")}, coalesce(new.series, ''), coalesce(new.publisher, ''));
        END
        """,
        """
        CREATE TRIGGER tr_books_search_update AFTER UPDATE OF title_key, subtitle, series, publisher ON books BEGIN
          UPDATE book_search SET title = new.title_key || ' ' || coalesce(new.subtitle, ''), series = coalesce(new.series, ''), publisher = coalesce(new.publisher, '')
          WHERE rowid = new.id;
        END
        """,
        """
        CREATE TRIGGER tr_books_search_delete AFTER DELETE ON books BEGIN
          DELETE FROM book_search WHERE rowid = old.id;
        END
        """,
        $"""
        CREATE TRIGGER tr_book_authors_search_insert AFTER INSERT ON book_authors BEGIN
          UPDATE book_search SET authors = {SqliteAuthorsOf("new.book_id")} WHERE rowid = new.book_id;
        END
        """,
        $"""
        CREATE TRIGGER tr_book_authors_search_delete AFTER DELETE ON book_authors BEGIN
          UPDATE book_search SET authors = {SqliteAuthorsOf("old.book_id")} WHERE rowid = old.book_id;
        END
        """,
        $"""
        CREATE TRIGGER tr_book_authors_search_update AFTER UPDATE ON book_authors BEGIN
          UPDATE book_search SET authors = {SqliteAuthorsOf("old.book_id")} WHERE rowid = old.book_id;
          UPDATE book_search SET authors = {SqliteAuthorsOf("new.book_id")} WHERE rowid = new.book_id;
        END
        """,
        $"""
        CREATE TRIGGER tr_authors_search_update AFTER UPDATE OF name_key ON authors BEGIN
          UPDATE book_search SET authors = {SqliteAuthorsOf("book_search.rowid")}
          WHERE rowid IN (SELECT book_id FROM book_authors WHERE author_id = new.id);
        END
        """,
    ];

    /// <summary>Names of <see cref="SqliteTriggers"/>, to set them aside.</summary>
    public static readonly string[] SqliteTriggerNames =
        ["tr_books_search_insert", "tr_books_search_update", "tr_books_search_delete", "tr_book_authors_search_insert", "tr_book_authors_search_delete", "tr_book_authors_search_update", "tr_authors_search_update"];

    /// <summary>Fills the index from scratch, in one pass over books and one over the credits in book order.</summary>
    public const string SqliteRebuild =
        """
        DELETE FROM book_search;
        INSERT INTO book_search (rowid, title, authors, series, publisher)
        SELECT b.id, b.title_key || ' ' || coalesce(b.subtitle, ''), coalesce(c.names, ''), coalesce(b.series, ''), coalesce(b.publisher, '')
        FROM books b
        LEFT JOIN (SELECT book_id, group_concat(name_key, ' ') AS names
                   FROM (SELECT ba.book_id, a.name_key FROM book_authors ba JOIN authors a ON a.id = ba.author_id ORDER BY ba.book_id, ba.position)
                   GROUP BY book_id) c ON c.book_id = b.id;
        """;

    /// <summary>Everything, for a library that has none of it (the migration), then filled.</summary>
    public static string SqliteCreate => string.Join(";\n", [SqliteTable, .. SqliteTriggers]) + ";\n" + SqliteRebuild;

    /// <summary>
    /// The PostgreSQL side: a <c>book_search</c> table of one tsvector per book (weights A title,
    /// B authors, C series, D publisher, which is how field terms and phrases stay inside one
    /// field), a GIN index, and triggers. A transaction that sets <c>shelf.search_index</c> to
    /// <c>deferred</c> skips the triggers and rebuilds at the end (the bulk import).
    /// </summary>
    public const string PostgresCreate =
        """
        CREATE EXTENSION IF NOT EXISTS unaccent;

        CREATE FUNCTION shelf_search_fold(value text) RETURNS text LANGUAGE sql STABLE AS $$
          SELECT regexp_replace(lower(unaccent(coalesce(value, ''))), '[[:punct:]]+', ' ', 'g')
        $$;

        CREATE FUNCTION shelf_search_document(title_key text, subtitle text, authors text, series text, publisher text) RETURNS tsvector LANGUAGE sql STABLE AS $$
          SELECT setweight(to_tsvector('simple', title_key || ' ' || shelf_search_fold(subtitle)), 'A')
              || setweight(to_tsvector('simple', coalesce(authors, '')), 'B')
              || setweight(to_tsvector('simple', shelf_search_fold(series)), 'C')
              || setweight(to_tsvector('simple', shelf_search_fold(publisher)), 'D')
        $$;

        CREATE TABLE book_search (
          book_id integer PRIMARY KEY REFERENCES books (id) ON DELETE CASCADE,
          document tsvector NOT NULL
        );
        CREATE INDEX ix_book_search_document ON book_search USING gin (document);

        CREATE FUNCTION shelf_search_refresh(book integer) RETURNS void LANGUAGE sql AS $$
          INSERT INTO book_search (book_id, document)
          SELECT b.id, shelf_search_document(b.title_key, b.subtitle,
                   (SELECT string_agg(a.name_key, ' ' ORDER BY ba.position) FROM book_authors ba JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = b.id),
                   b.series, b.publisher)
          FROM books b WHERE b.id = book
          ON CONFLICT (book_id) DO UPDATE SET document = excluded.document
        $$;

        CREATE FUNCTION shelf_search_books_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('shelf.search_index', true) IS DISTINCT FROM 'deferred' THEN
            PERFORM shelf_search_refresh(NEW.id);
          END IF;
          RETURN NULL;
        END
        $$;

        CREATE FUNCTION shelf_search_credits_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('shelf.search_index', true) IS DISTINCT FROM 'deferred' THEN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM shelf_search_refresh(OLD.book_id); END IF;
            IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM shelf_search_refresh(NEW.book_id); END IF;
          END IF;
          RETURN NULL;
        END
        $$;

        CREATE FUNCTION shelf_search_author_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('shelf.search_index', true) IS DISTINCT FROM 'deferred' THEN
            PERFORM shelf_search_refresh(ba.book_id) FROM book_authors ba WHERE ba.author_id = NEW.id;
          END IF;
          RETURN NULL;
        END
        $$;

        CREATE TRIGGER tr_books_search AFTER INSERT OR UPDATE OF title_key, subtitle, series, publisher ON books
          FOR EACH ROW EXECUTE FUNCTION shelf_search_books_changed();
        CREATE TRIGGER tr_book_authors_search AFTER INSERT OR UPDATE OR DELETE ON book_authors
          FOR EACH ROW EXECUTE FUNCTION shelf_search_credits_changed();
        CREATE TRIGGER tr_authors_search AFTER UPDATE OF name_key ON authors
          FOR EACH ROW EXECUTE FUNCTION shelf_search_author_renamed();
        """ + PostgresRebuild;

    /// <summary>Fills the index from scratch: the GIN index is dropped first and built once, sorted.</summary>
    public const string PostgresRebuild =
        """

        TRUNCATE book_search;
        DROP INDEX ix_book_search_document;
        INSERT INTO book_search (book_id, document)
        SELECT b.id, shelf_search_document(b.title_key, b.subtitle, c.names, b.series, b.publisher)
        FROM books b
        LEFT JOIN (SELECT ba.book_id, string_agg(a.name_key, ' ' ORDER BY ba.position) AS names
                   FROM book_authors ba JOIN authors a ON a.id = ba.author_id GROUP BY ba.book_id) c ON c.book_id = b.id;
        CREATE INDEX ix_book_search_document ON book_search USING gin (document);
        """;

    /// <summary>
    /// The vocabulary of the PostgreSQL index (migration <c>SearchTerms</c>): every lexeme a document
    /// has held, in byte order, which <see cref="PrefixTerms"/> reads to turn a prefix into whole
    /// lexemes (GIN has no way to list its keys), with about how many books hold it, which tells
    /// the search when the GIN index is the cheap way to its books. Each refresh of a document adds
    /// the lexemes it does not see there yet (counted once; counts are only a guide and are never
    /// updated, so writers do not queue on the rows of common words). There is no unique key on
    /// purpose: a writer never waits for another's uncommitted lexeme (with one, a program adding a
    /// book while an import adds the same word would wait for the import's commit), and the rare
    /// duplicate two writers race to add costs nothing, since the search seeks past each term.
    /// Nothing is removed until a rebuild, since a lexeme that no book holds any more only finds
    /// nothing. Kept apart from <see cref="PostgresCreate"/>, which the earlier migration runs as it was.
    /// </summary>
    public const string PostgresTermsCreate =
        """
        CREATE TABLE book_search_terms (term text COLLATE "C" NOT NULL, books integer NOT NULL);
        CREATE INDEX ix_book_search_terms_term ON book_search_terms (term);

        CREATE OR REPLACE FUNCTION shelf_search_refresh(book integer) RETURNS void LANGUAGE sql AS $$
          INSERT INTO book_search (book_id, document)
          SELECT b.id, shelf_search_document(b.title_key, b.subtitle,
                   (SELECT string_agg(a.name_key, ' ' ORDER BY ba.position) FROM book_authors ba JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = b.id),
                   b.series, b.publisher)
          FROM books b WHERE b.id = book
          ON CONFLICT (book_id) DO UPDATE SET document = excluded.document;
          INSERT INTO book_search_terms (term, books)
          SELECT u.lexeme, 1 FROM book_search s, unnest(s.document) u
          WHERE s.book_id = book AND NOT EXISTS (SELECT 1 FROM book_search_terms t WHERE t.term = u.lexeme);
        $$;
        """ + PostgresTermsRebuild;

    /// <summary>Fills the vocabulary from the index as it is (after <see cref="PostgresRebuild"/>).</summary>
    public const string PostgresTermsRebuild =
        """

        TRUNCATE book_search_terms;
        INSERT INTO book_search_terms (term, books) SELECT word, ndoc FROM ts_stat('SELECT document FROM book_search');
        """;

    /// <summary>Makes the triggers skip their work until the transaction ends.</summary>
    /// <summary>
    /// The PostgreSQL triggers once per statement (migration <c>SetBasedSearchTriggers</c>, run as
    /// it is here; a change needs a migration of its own): each reads the statement's transition
    /// table and refreshes every book it touched in one set-based pass
    /// (<c>shelf_search_refresh_books</c>), where the per-row triggers of <see cref="PostgresCreate"/>
    /// refreshed a book per row, twice for a book and its first credit.
    /// </summary>
    public const string PostgresStatementTriggers =
        """
        DROP TRIGGER tr_books_search ON books;
        DROP TRIGGER tr_book_authors_search ON book_authors;
        DROP TRIGGER tr_authors_search ON authors;
        DROP FUNCTION shelf_search_books_changed(), shelf_search_credits_changed(), shelf_search_author_renamed();

        CREATE FUNCTION shelf_search_refresh_books(ids integer[]) RETURNS void LANGUAGE sql AS $$
          INSERT INTO book_search (book_id, document)
          SELECT b.id, shelf_search_document(b.title_key, b.subtitle, c.names, b.series, b.publisher)
          FROM books b
          LEFT JOIN (SELECT ba.book_id, string_agg(a.name_key, ' ' ORDER BY ba.position) AS names
                     FROM book_authors ba JOIN authors a ON a.id = ba.author_id
                     WHERE ba.book_id = ANY (ids) GROUP BY ba.book_id) c ON c.book_id = b.id
          WHERE b.id = ANY (ids)
          ON CONFLICT (book_id) DO UPDATE SET document = excluded.document;
          INSERT INTO book_search_terms (term, books)
          SELECT DISTINCT u.lexeme, 1 FROM book_search s, unnest(s.document) u
          WHERE s.book_id = ANY (ids) AND NOT EXISTS (SELECT 1 FROM book_search_terms t WHERE t.term = u.lexeme);
        $$;

        CREATE FUNCTION shelf_search_books_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('shelf.search_index', true) IS DISTINCT FROM 'deferred' THEN
            PERFORM shelf_search_refresh_books(ARRAY(SELECT id FROM new_rows));
          END IF;
          RETURN NULL;
        END
        $$;

        CREATE FUNCTION shelf_search_books_updated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('shelf.search_index', true) IS DISTINCT FROM 'deferred' THEN
            PERFORM shelf_search_refresh_books(ARRAY(
              SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
              WHERE n.title_key IS DISTINCT FROM o.title_key OR n.subtitle IS DISTINCT FROM o.subtitle
                 OR n.series IS DISTINCT FROM o.series OR n.publisher IS DISTINCT FROM o.publisher));
          END IF;
          RETURN NULL;
        END
        $$;

        CREATE FUNCTION shelf_search_credits_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('shelf.search_index', true) IS DISTINCT FROM 'deferred' THEN
            PERFORM shelf_search_refresh_books(ARRAY(SELECT DISTINCT book_id FROM new_rows));
          END IF;
          RETURN NULL;
        END
        $$;

        CREATE FUNCTION shelf_search_credits_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('shelf.search_index', true) IS DISTINCT FROM 'deferred' THEN
            PERFORM shelf_search_refresh_books(ARRAY(SELECT DISTINCT book_id FROM old_rows));
          END IF;
          RETURN NULL;
        END
        $$;

        CREATE FUNCTION shelf_search_credits_updated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('shelf.search_index', true) IS DISTINCT FROM 'deferred' THEN
            PERFORM shelf_search_refresh_books(ARRAY(SELECT book_id FROM old_rows UNION SELECT book_id FROM new_rows));
          END IF;
          RETURN NULL;
        END
        $$;

        CREATE FUNCTION shelf_search_authors_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('shelf.search_index', true) IS DISTINCT FROM 'deferred' THEN
            PERFORM shelf_search_refresh_books(ARRAY(
              SELECT DISTINCT ba.book_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN book_authors ba ON ba.author_id = n.id
              WHERE n.name_key IS DISTINCT FROM o.name_key));
          END IF;
          RETURN NULL;
        END
        $$;

        -- A trigger with transition tables takes one event and no column list (PostgreSQL's rule).
        CREATE TRIGGER tr_books_search_insert AFTER INSERT ON books REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION shelf_search_books_inserted();
        CREATE TRIGGER tr_books_search_update AFTER UPDATE ON books REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION shelf_search_books_updated();
        CREATE TRIGGER tr_book_authors_search_insert AFTER INSERT ON book_authors REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION shelf_search_credits_inserted();
        CREATE TRIGGER tr_book_authors_search_delete AFTER DELETE ON book_authors REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION shelf_search_credits_deleted();
        CREATE TRIGGER tr_book_authors_search_update AFTER UPDATE ON book_authors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION shelf_search_credits_updated();
        CREATE TRIGGER tr_authors_search_update AFTER UPDATE ON authors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION shelf_search_authors_renamed();
        """;

    public const string PostgresDefer = "SET LOCAL shelf.search_index = 'deferred'";

    /// <summary>Undoes <see cref="PostgresDefer"/> within the transaction, once the index is rebuilt.</summary>
    public const string PostgresResume = "SET LOCAL shelf.search_index = 'on'";
}
