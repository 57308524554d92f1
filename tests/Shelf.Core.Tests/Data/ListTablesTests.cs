using Microsoft.EntityFrameworkCore;
using Shelf.Core.Domain;
using Shelf.Core.Features.Database;
using Shelf.Testing;

namespace Shelf.Core.Tests.Data;

/// <summary>
/// <c>db tables</c> and <c>db status</c> read the catalog and count rows with provider-specific SQL;
/// a quoting slip on one engine (PostgreSQL folding an unquoted alias) broke every status there once.
/// </summary>
public abstract class ListTablesTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task NewLibrary_ListsEveryTableOfTheModel()
    {
        await using var db = await fixture.OpenNewAsync();
        var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().ToHashSet();

        var tables = await new ListTables(db).ExecuteAsync(CancellationToken.None);

        Assert.Empty(modelTables.Except(tables.Select(t => t.Name)));
        Assert.All(tables.Where(t => t.Name == "books"), t => Assert.Equal(0, t.Rows));
    }

    [Fact]
    public async Task CountsTheRowsEachTableHolds()
    {
        await using var db = await fixture.OpenNewAsync();
        db.Authors.AddRange(Author.From(AuthorName.Parse("Kate Quinn")), Author.From(AuthorName.Parse("Ursula K. Le Guin")));
        await db.SaveChangesAsync();

        var tables = await new ListTables(db).ExecuteAsync(CancellationToken.None);

        Assert.Equal(2, tables.Single(t => t.Name == "authors").Rows);
        Assert.Equal(0, tables.Single(t => t.Name == "books").Rows);
    }

    public sealed class Sqlite(SqliteDatabaseFixture db) : ListTablesTests(db), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture db) : ListTablesTests(db), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture db) : ListTablesTests(db), IClassFixture<MySqlDatabaseFixture>;
}
