using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Features.Authors;
using Shelf.Core.Features.Loans;
using Shelf.Core.Features.Search;
using Shelf.Testing;

namespace Shelf.Core.Tests.Data;

/// <summary>
/// Fails when the model changed without a migration (run <c>tools/add-migration.sh</c>), or when
/// the migrations build a different schema from the one the model describes.
/// </summary>
public abstract partial class MigrationGuardTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task HasPendingModelChanges_CurrentModel_False()
    {
        await using var db = TestLibrary.CreateContext(fixture.Target);

        Assert.False(db.Database.HasPendingModelChanges(), $"The {fixture.Provider} model has changes without a migration; run tools/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task GetMigrations_EveryMigration_AppliedByOpenAsync()
    {
        await using var db = await fixture.OpenNewAsync();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_ComparedWithEnsureCreated_SameSchema()
    {
        List<string> migrated;
        await using (var db = await fixture.OpenNewAsync())
        {
            migrated = await SchemaAsync(db);
        }

        List<string> created;
        await using (var db = TestLibrary.CreateContext(await fixture.NewDatabaseAsync()))
        {
            Assert.True(await db.Database.EnsureCreatedAsync());

            // The search index, the loan limit and the authors' book counts are SQL outside the model
            // (SearchIndexSql, LoanLimitSql, AuthorBookCountSql), run by their migrations: applied here the same way, so the comparison covers them too.
            switch (db.Provider)
            {
                case DatabaseProvider.Sqlite:
                    await db.ExecuteAsync(SearchIndexSql.SqliteCreate);
                    await db.ExecuteAsync(LoanLimitSql.SqliteCreate);
                    await db.ExecuteAsync(AuthorBookCountSql.SqliteCreate);
                    break;
                case DatabaseProvider.Postgres:
                    await db.ExecuteAsync(SearchIndexSql.PostgresCreate + SearchIndexSql.PostgresTermsCreate + SearchIndexSql.PostgresStatementTriggers);
                    await db.ExecuteAsync(LoanLimitSql.PostgresCreate);
                    await db.ExecuteAsync(AuthorBookCountSql.PostgresCreate);
                    break;
                default:
                    foreach (var statement in SearchIndexSql.MySqlCreate.Concat(LoanLimitSql.MySqlCreate).Concat(AuthorBookCountSql.MySqlCreate))
                    {
                        await db.ExecuteAsync(statement);
                    }

                    break;
            }

            created = await SchemaAsync(db);
        }

        // Guard against comparing two empty lists.
        Assert.Contains(migrated, line => line.StartsWith("column books.isbn13 ", StringComparison.Ordinal));
        Assert.Contains(migrated, line => line.StartsWith("trigger ", StringComparison.Ordinal) && line.Contains("book_authors", StringComparison.Ordinal));
        Assert.Contains(migrated, line => line.StartsWith("trigger ", StringComparison.Ordinal) && line.Contains("loans_limit", StringComparison.Ordinal));
        Assert.Contains(migrated, line => line.StartsWith("trigger ", StringComparison.Ordinal) && line.Contains("count_insert", StringComparison.Ordinal));
        Assert.Equal(created, migrated);
    }

    private static Task<List<string>> SchemaAsync(ShelfDbContext db) => db.Provider switch
    {
        DatabaseProvider.Sqlite => SqliteSchemaAsync(db),
        DatabaseProvider.Postgres => PostgresSchemaAsync(db),
        _ => MySqlSchemaAsync(db),
    };

    private static async Task<List<string>> SqliteSchemaAsync(ShelfDbContext db)
    {
        const string userTables = "m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%'";
        var schema = new List<string>();
        schema.AddRange(Prefix("table", await db.RowsAsync($"SELECT m.name FROM sqlite_master m WHERE {userTables}")));
        schema.AddRange(Prefix("column", await db.RowsAsync(
            $"""
            SELECT m.name || '.' || c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden
            FROM sqlite_master m JOIN pragma_table_xinfo(m.name) c WHERE {userTables}
            """)));
        schema.AddRange(Prefix("foreign-key", await db.RowsAsync(
            $"""
            SELECT m.name, f.seq, f."table", f."from", f."to", f.on_update, f.on_delete, f."match"
            FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE {userTables}
            """)));
        schema.AddRange(Prefix("index", await db.RowsAsync(
            $"""
            SELECT m.name, i.name, i."unique", i.origin, i.partial,
                   (SELECT group_concat(name, ',') FROM (SELECT ii.name FROM pragma_index_info(i.name) ii ORDER BY ii.seqno))
            FROM sqlite_master m JOIN pragma_index_list(m.name) i WHERE {userTables}
            """)));

        schema.AddRange(Prefix("trigger", await db.RowsAsync("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")));
        schema.AddRange(Prefix("virtual-table", await db.RowsAsync($"SELECT m.name, m.sql FROM sqlite_master m WHERE {userTables} AND m.sql LIKE 'CREATE VIRTUAL TABLE%'")));

        foreach (var row in await db.RowsAsync($"SELECT m.name, m.sql FROM sqlite_master m WHERE {userTables}"))
        {
            var table = row[..row.IndexOf(" | ", StringComparison.Ordinal)];
            schema.AddRange(CheckConstraints(row).Select(check => $"check {table} | {check}"));
        }

        schema.Sort(StringComparer.Ordinal);
        return schema;
    }

    private static async Task<List<string>> PostgresSchemaAsync(ShelfDbContext db)
    {
        var schema = new List<string>();
        schema.AddRange(Prefix("table", await db.RowsAsync(
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE '__EFMigrations%'")));
        schema.AddRange(Prefix("column", await db.RowsAsync(
            """
            SELECT table_name || '.' || column_name, data_type, character_maximum_length, is_nullable, column_default,
                   is_identity, identity_generation, numeric_precision, datetime_precision
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name NOT LIKE '__EFMigrations%'
            """)));
        schema.AddRange(Prefix("constraint", await db.RowsAsync(
            """
            SELECT t.relname, c.conname, c.contype, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND t.relname NOT LIKE '__EFMigrations%'
            """)));
        schema.AddRange(Prefix("index", await db.RowsAsync(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename NOT LIKE '__EFMigrations%'")));
        schema.AddRange(Prefix("trigger", await db.RowsAsync(
            """
            SELECT event_object_table, trigger_name, event_manipulation, action_timing, action_orientation, action_statement
            FROM information_schema.triggers WHERE trigger_schema = current_schema()
            """)));
        schema.AddRange(Prefix("function", await db.RowsAsync(
            """
            SELECT p.proname, pg_get_function_identity_arguments(p.oid), md5(pg_get_functiondef(p.oid))
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = current_schema() AND p.prokind = 'f'
            """)));
        schema.Sort(StringComparer.Ordinal);
        return schema;
    }

    private static async Task<List<string>> MySqlSchemaAsync(ShelfDbContext db)
    {
        const string notHistory = "NOT LIKE '\\_\\_EFMigrations%'";
        var schema = new List<string>();
        schema.AddRange(Prefix("table", await db.RowsAsync(
            $"SELECT table_name, table_type, table_collation FROM information_schema.tables WHERE table_schema = database() AND table_name {notHistory}")));
        schema.AddRange(Prefix("column", await db.RowsAsync(
            $"""
            SELECT CONCAT(table_name, '.', column_name), column_type, is_nullable, column_default, extra, collation_name
            FROM information_schema.columns WHERE table_schema = database() AND table_name {notHistory}
            """)));
        schema.AddRange(Prefix("constraint", await db.RowsAsync(
            $"SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints WHERE constraint_schema = database() AND table_name {notHistory}")));
        schema.AddRange(Prefix("check", await db.RowsAsync(
            "SELECT constraint_name, check_clause FROM information_schema.check_constraints WHERE constraint_schema = database()")));
        schema.AddRange(Prefix("foreign-key", await db.RowsAsync(
            "SELECT table_name, constraint_name, referenced_table_name, update_rule, delete_rule FROM information_schema.referential_constraints WHERE constraint_schema = database()")));
        schema.AddRange(Prefix("index", await db.RowsAsync(
            $"""
            SELECT table_name, index_name, non_unique, seq_in_index, column_name, sub_part
            FROM information_schema.statistics WHERE table_schema = database() AND table_name {notHistory}
            """)));
        schema.AddRange(Prefix("trigger", await db.RowsAsync(
            "SELECT event_object_table, trigger_name, event_manipulation, action_timing, MD5(action_statement) FROM information_schema.triggers WHERE trigger_schema = database()")));
        schema.AddRange(Prefix("routine", await db.RowsAsync(
            "SELECT routine_name, routine_type, MD5(routine_definition) FROM information_schema.routines WHERE routine_schema = database()")));
        schema.Sort(StringComparer.Ordinal);
        return schema;
    }

    private static IEnumerable<string> Prefix(string kind, IEnumerable<string> rows) => rows.Select(row => $"{kind} {row}");

    // SQLite keeps CHECK constraints only in the CREATE TABLE text: pull out each
    // CONSTRAINT "name" CHECK (...) with its balanced parentheses.
    private static IEnumerable<string> CheckConstraints(string createTable)
    {
        foreach (Match match in CheckStart().Matches(createTable))
        {
            var depth = 0;
            var start = match.Index + match.Length - 1;
            for (var i = start; i < createTable.Length; i++)
            {
                depth += createTable[i] switch { '(' => 1, ')' => -1, _ => 0 };
                if (depth == 0)
                {
                    yield return $"{match.Groups["name"].Value} {createTable[start..(i + 1)]}";
                    break;
                }
            }
        }
    }

    [GeneratedRegex("""CONSTRAINT "(?<name>[^"]+)" CHECK \(""")]
    private static partial Regex CheckStart();

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : MigrationGuardTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : MigrationGuardTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : MigrationGuardTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
