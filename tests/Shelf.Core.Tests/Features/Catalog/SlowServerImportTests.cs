using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Features.Catalog;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// A PostgreSQL server slower than the command timeout at ending a COPY (a busy machine, the
/// search index's triggers on a large batch): the import waits for it instead of timing out and
/// rolling back. The library here is opened with a one-second command timeout, and a trigger makes
/// the server take two seconds over each batch of credits.
/// </summary>
public sealed class SlowServerImportTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task CopyEndsAfterTheCommandTimeout_ImportWaitsAndCommits()
    {
        var created = await fixture.NewDatabaseAsync();
        var target = DatabaseTarget.Resolve(created.ConnectionString + ";Command Timeout=1", _ => null).Value;
        await using var db = await DatabaseFixture.OpenAsync(target);
        await db.ExecuteAsync("""
            CREATE FUNCTION test_slow_batch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(2); RETURN NULL; END $$;
            CREATE TRIGGER tr_test_slow_batch AFTER INSERT ON book_authors FOR EACH STATEMENT EXECUTE FUNCTION test_slow_batch();
            """);

        var csv = new StringBuilder("title,number_of_pages,first_name,last_name\n");
        for (var i = 1; i <= 3; i++)
        {
            csv.Append("Slow book ").Append(i).Append(",100,Ann,Writer\n");
        }

        var summary = await CatalogImports.ImportTextAsync(db, csv.ToString());

        Assert.Equal(3, summary.Added);
        db.ChangeTracker.Clear();
        Assert.Equal(3, await db.BookAuthors.CountAsync());
    }
}
