using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shelf.Core.Data;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// The built <c>shelf serve</c>, stopped with SIGTERM while an import runs within its request (not
/// as a job): the import is cancelled and rolls back, the request is answered with a 503 saying
/// so, and the process exits cleanly.
/// </summary>
public abstract class ServeStopDuringSyncImportTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Sigterm_DuringAnImportInTheRequest_RollsItBack_Answers503_AndExits()
    {
        var target = await fixture.NewDatabaseAsync();
        var tokens = await SiteUsers.AddAsync(target);
        BeforeImport(target);

        // Large enough a job threshold that the big file is imported within the request.
        using var server = await ServeProcess.StartAsync(CliDatabase.DbArgument(target), "--import-job-size", "100000");
        var editor = server.Client(tokens["editor"]);
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(ImportInterruptionTests.BigFile.Value));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "big.csv");
        var answer = editor.PostAsync("/api/v1/imports", form);

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await IsWritingAsync(target))
        {
            Assert.False(answer.IsCompleted, "the import ended before the test could stop the server");
            Assert.True(DateTime.UtcNow < deadline, "the import never started writing");
            await Task.Delay(PollInterval);
        }

        var (exitCode, error) = await server.StopAsync();
        using var response = await answer;

        Assert.Equal(0, exitCode);
        Assert.EndsWith("stopped\n", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("site.stopping", problem.GetProperty("code").GetString());
        await using var db = await DatabaseFixture.OpenAsync(target);
        Assert.Equal(0, await db.Books.CountAsync());
        Assert.Equal(0, await db.Authors.CountAsync());
    }

    /// <summary>Notes the library's state before the import, for <see cref="IsWritingAsync"/>.</summary>
    protected virtual void BeforeImport(DatabaseTarget target)
    {
    }

    /// <summary>True once the import has written into its transaction (but not committed).</summary>
    protected abstract Task<bool> IsWritingAsync(DatabaseTarget target);

    protected virtual TimeSpan PollInterval => TimeSpan.FromMilliseconds(20);

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ServeStopDuringSyncImportTests(fixture), IClassFixture<SqliteDatabaseFixture>
    {
        private long _walBefore;

        protected override void BeforeImport(DatabaseTarget target)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _walBefore = WalSize(target.FilePath!);
        }

        // Pages the transaction cannot keep in its cache spill into the write-ahead log long before the commit.
        protected override Task<bool> IsWritingAsync(DatabaseTarget target) => Task.FromResult(WalSize(target.FilePath!) > _walBefore + (2 << 20));

        private static long WalSize(string db) => File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0;
    }

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ServeStopDuringSyncImportTests(fixture), IClassFixture<PostgresDatabaseFixture>
    {
        // A backend with a transaction id has written something it has not committed.
        protected override async Task<bool> IsWritingAsync(DatabaseTarget target)
        {
            await using var connection = new NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()";
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }
    }

    public sealed class MySql(MySqlDatabaseFixture fixture) : ServeStopDuringSyncImportTests(fixture), IClassFixture<MySqlDatabaseFixture>
    {
        // INNODB_TRX is refreshed only after 100 ms without a reader (see ImportInterruptionTests.MySql).
        protected override TimeSpan PollInterval => TimeSpan.FromMilliseconds(250);

        protected override Task<bool> IsWritingAsync(DatabaseTarget target) => ImportInterruptionTests.MySql.HasUncommittedWritesAsync(target.ConnectionString);
    }
}
