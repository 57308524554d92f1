using Microsoft.Data.Sqlite;
using Npgsql;

namespace Shelf.Core.Features.Loans;

/// <summary>
/// The database's own rule that a book is out to at most max(owned copies, 1) borrowers at once,
/// as a trigger per engine (a CHECK cannot count other rows). The <c>Loans</c> migration runs
/// it; the migration guard applies the same SQL after EnsureCreated so both schemas compare
/// equal. A later change needs a migration of its own.
/// </summary>
/// <remarks>
/// <see cref="LendBook"/> checks first and names who has the book; the trigger is what holds
/// when two programs lend the last copy at once, or another program writes the table. On
/// PostgreSQL the trigger locks the book's row before counting, so concurrent lends of one book
/// queue there and each counts the loans the others committed (READ COMMITTED takes a new
/// snapshot per statement of a volatile function); SQLite runs one writer at a time.
/// </remarks>
public static class LoanLimitSql
{
    /// <summary>The word the trigger's error starts with; how <see cref="IsLimitError"/> knows it.</summary>
    public const string Marker = "shelf_loan_limit";

    private const string Message = Marker + ": every copy of this book is already lent";

    public static readonly string[] SqliteTriggerNames = ["loans_limit_insert", "loans_limit_update"];

    /// <summary>SQLite: one trigger for new open loans, one for a loan reopened or moved to another book.</summary>
    public const string SqliteCreate =
        $"""
        CREATE TRIGGER loans_limit_insert BEFORE INSERT ON loans
        WHEN NEW.returned_at IS NULL AND NEW.book_id IS NOT NULL
        BEGIN
            SELECT RAISE(ABORT, '{Message}')
            WHERE (SELECT count(*) FROM loans WHERE book_id = NEW.book_id AND returned_at IS NULL)
                >= (SELECT max(coalesce(owned_copies, 1), 1) FROM books WHERE id = NEW.book_id);
        END;
        CREATE TRIGGER loans_limit_update BEFORE UPDATE OF book_id, returned_at ON loans
        WHEN NEW.returned_at IS NULL AND NEW.book_id IS NOT NULL
            AND (OLD.returned_at IS NOT NULL OR OLD.book_id IS NOT NEW.book_id)
        BEGIN
            SELECT RAISE(ABORT, '{Message}')
            WHERE (SELECT count(*) FROM loans WHERE book_id = NEW.book_id AND returned_at IS NULL AND id <> NEW.id)
                >= (SELECT max(coalesce(owned_copies, 1), 1) FROM books WHERE id = NEW.book_id);
        END;
        """;

    /// <summary>PostgreSQL: a row trigger on insert and on the two columns that can open a loan.</summary>
    public const string PostgresCreate =
        $"""
        CREATE FUNCTION shelf_loan_limit() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            copies integer;
            open_loans integer;
        BEGIN
            IF NEW.returned_at IS NOT NULL OR NEW.book_id IS NULL THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'UPDATE' AND OLD.returned_at IS NULL AND OLD.book_id IS NOT DISTINCT FROM NEW.book_id THEN
                RETURN NEW;
            END IF;
            -- Concurrent lends of one book wait here for each other (NO KEY UPDATE does not block
            -- the foreign-key checks of sales or credits).
            SELECT greatest(coalesce(owned_copies, 1), 1) INTO copies FROM books WHERE id = NEW.book_id FOR NO KEY UPDATE;
            IF NOT FOUND THEN
                RETURN NEW; -- the foreign key reports the missing book
            END IF;
            SELECT count(*) INTO open_loans FROM loans WHERE book_id = NEW.book_id AND returned_at IS NULL AND id <> NEW.id;
            IF open_loans >= copies THEN
                RAISE EXCEPTION '{Message}' USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER loans_limit BEFORE INSERT OR UPDATE OF book_id, returned_at ON loans
            FOR EACH ROW EXECUTE FUNCTION shelf_loan_limit();
        """;

    /// <summary>
    /// MySQL/MariaDB: a trigger on insert and one on update (MySQL has no UPDATE OF columns). The
    /// book's row is locked first, so concurrent lends queue, and the count is a locking read, so
    /// it sees the loans others committed even inside a REPEATABLE READ snapshot.
    /// </summary>
    public static readonly string[] MySqlCreate =
    [
        $"""
        CREATE TRIGGER loans_limit_insert BEFORE INSERT ON loans FOR EACH ROW
        BEGIN
            DECLARE copies INT DEFAULT NULL;
            DECLARE open_loans INT DEFAULT 0;
            IF NEW.returned_at IS NULL AND NEW.book_id IS NOT NULL THEN
                SELECT GREATEST(COALESCE(owned_copies, 1), 1) INTO copies FROM books WHERE id = NEW.book_id FOR UPDATE;
                SELECT COUNT(*) INTO open_loans FROM loans WHERE book_id = NEW.book_id AND returned_at IS NULL LOCK IN SHARE MODE;
                IF copies IS NOT NULL AND open_loans >= copies THEN
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{Message}';
                END IF;
            END IF;
        END
        """,
        $"""
        CREATE TRIGGER loans_limit_update BEFORE UPDATE ON loans FOR EACH ROW
        BEGIN
            DECLARE copies INT DEFAULT NULL;
            DECLARE open_loans INT DEFAULT 0;
            IF NEW.returned_at IS NULL AND NEW.book_id IS NOT NULL
                AND (OLD.returned_at IS NOT NULL OR NOT (OLD.book_id <=> NEW.book_id)) THEN
                SELECT GREATEST(COALESCE(owned_copies, 1), 1) INTO copies FROM books WHERE id = NEW.book_id FOR UPDATE;
                SELECT COUNT(*) INTO open_loans FROM loans WHERE book_id = NEW.book_id AND returned_at IS NULL AND id <> NEW.id LOCK IN SHARE MODE;
                IF copies IS NOT NULL AND open_loans >= copies THEN
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{Message}';
                END IF;
            END IF;
        END
        """,
    ];

    public const string MySqlDrop = "DROP TRIGGER loans_limit_insert; DROP TRIGGER loans_limit_update;";

    public const string PostgresDrop = "DROP TRIGGER loans_limit ON loans; DROP FUNCTION shelf_loan_limit();";

    /// <summary>True when a write failed on the loan limit (the exception or one it wraps).</summary>
    public static bool IsLimitError(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite && sqlite.Message.Contains(Marker, StringComparison.Ordinal))
            {
                return true;
            }

            if (e is PostgresException postgres && postgres.MessageText.StartsWith(Marker, StringComparison.Ordinal))
            {
                return true;
            }

            if (e is MySql.Data.MySqlClient.MySqlException mysql && mysql.Message.StartsWith(Marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
