using MySql.Data.MySqlClient;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Testing;

namespace Shelf.Core.Tests.Data;

/// <summary>
/// A MySQL server that cannot be reached or refuses the login is one message naming host and
/// port (never the password), as on PostgreSQL; the CLI prints it and exits 1.
/// </summary>
public sealed class MySqlConnectionErrorsTests(MySqlDatabaseFixture fixture) : IClassFixture<MySqlDatabaseFixture>
{
    [Fact]
    public async Task OpenAsync_WrongPassword_FailsWithAuthFailedNamingTheServer()
    {
        await using (var admin = new MySqlConnection(fixture.Server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = admin.CreateCommand();
            create.CommandText = "CREATE USER IF NOT EXISTS 'shelf_pw'@'%' IDENTIFIED BY 'the-password'; GRANT ALL ON *.* TO 'shelf_pw'@'%'";
            await create.ExecuteNonQueryAsync();
        }

        var target = Resolve($"mysql://shelf_pw:not-the-password@{fixture.Server.Server}/shelf_never_opened");

        var opened = await TestLibrary.Database(target).OpenAsync(CancellationToken.None);

        var error = AssertFailed(opened, "db.auth_failed");
        Assert.Contains(fixture.Server.Server, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task OpenAsync_ClosedPort_FailsWithUnreachableNamingTheServer()
    {
        var port = Network.FreeTcpPort();
        var target = Resolve($"mysql://shelf:secret@127.0.0.1:{port}/library");

        var opened = await TestLibrary.Database(target).OpenAsync(CancellationToken.None);

        var error = AssertFailed(opened, "db.unreachable");
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    private static DatabaseTarget Resolve(string address)
    {
        var resolved = DatabaseTarget.Resolve(address, _ => null);
        Assert.True(resolved.IsSuccess, resolved.Error?.Message);
        Assert.Equal(DatabaseProvider.MySql, resolved.Value.Provider);
        return resolved.Value;
    }

    private static Error AssertFailed<T>(Result<T> result, string code)
    {
        Assert.False(result.IsSuccess, $"expected {code}, but it succeeded");
        Assert.Equal((ErrorKind.Unavailable, code), (result.Error!.Kind, result.Error.Code));
        return result.Error;
    }
}
