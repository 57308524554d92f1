using Microsoft.EntityFrameworkCore;
using Shelf.Core.Features.Accounts;
using Shelf.Core.Features.Backup;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Backup;

/// <summary>A SQLite backup restored into PostgreSQL or MariaDB, and that library's backup restored into SQLite again.</summary>
public sealed class BackupAcrossEnginesTests(SqliteDatabaseFixture sqlite, PostgresDatabaseFixture postgres, MySqlDatabaseFixture mysql)
    : IClassFixture<SqliteDatabaseFixture>, IClassFixture<PostgresDatabaseFixture>, IClassFixture<MySqlDatabaseFixture>
{
    [Fact]
    public Task SqliteToPostgresAndBack_EveryRowKeptWithItsIdsCreditOrderAndSales() => ThroughAndBackAsync(postgres, "postgres");

    [Fact]
    public Task SqliteToMariaDbAndBack_EveryRowKeptWithItsIdsCreditOrderAndSales() => ThroughAndBackAsync(mysql, "mysql");

    private async Task ThroughAndBackAsync(DatabaseFixture other, string provider)
    {
        var first = await sqlite.NewDatabaseAsync();
        await using var original = await DatabaseFixture.OpenAsync(first);
        await BackupTestData.FillAsync(original);

        // Accounts came from another branch after backups were written: carried all the same.
        Assert.True((await new AddUser(original, TimeProvider.System).ExecuteAsync(new AddUserRequest("ann", "owner", "a long enough password 1"), default)).IsSuccess);
        var token = (await new CreateToken(original, TimeProvider.System).ExecuteAsync("ann", "backup", default)).Value;
        var expected = await BackupTestData.DumpAsync(original);
        var fromSqlite = await BackupTestData.BackupAsync(original, first);

        var server = await other.NewDatabaseAsync();
        await using var onServer = await DatabaseFixture.OpenAsync(server);
        var intoServer = await new RestoreLibrary(onServer, server).ExecuteAsync(new RestoreLibraryRequest(fromSqlite.Path), default);
        Assert.True(intoServer.IsSuccess, intoServer.Error?.Message);
        Assert.Equal(expected, await BackupTestData.DumpAsync(onServer));
        Assert.Equal("ann", (await new AuthenticateToken(onServer).ExecuteAsync(token.Secret, default)).Value.Name);
        Assert.True((await new SignIn(onServer, TimeProvider.System).ExecuteAsync("ann", "a long enough password 1", default)).IsSuccess);

        var fromServer = await BackupTestData.BackupAsync(onServer, server);
        var second = await sqlite.NewDatabaseAsync();
        await using var back = await DatabaseFixture.OpenAsync(second);
        var intoSqlite = await new RestoreLibrary(back, second).ExecuteAsync(new RestoreLibraryRequest(fromServer.Path), default);
        Assert.True(intoSqlite.IsSuccess, intoSqlite.Error?.Message);
        Assert.Equal(expected, await BackupTestData.DumpAsync(back));
        Assert.Equal(provider, fromServer.Manifest.Provider);
        Assert.Equal(fromSqlite.Manifest.Tables.Select(t => (t.Name, t.Rows, t.Checksum)), fromServer.Manifest.Tables.Select(t => (t.Name, t.Rows, t.Checksum)));

        // Credits in their order, sales with their books: what the dump compares, spelled out.
        Assert.Equal(["Terry Pratchett", "Neil Gaiman"], await back.BookAuthors.Where(c => c.Book.Title == "Good Omens").OrderBy(c => c.Position).Select(c => c.Author.Name).ToListAsync());
        Assert.Equal(3, await back.Sales.CountAsync());
        Assert.Equal("ann", (await new AuthenticateToken(back).ExecuteAsync(token.Secret, default)).Value.Name);
    }
}
