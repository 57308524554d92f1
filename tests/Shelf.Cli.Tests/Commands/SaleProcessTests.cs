using System.Text.Json;
using Microsoft.Data.Sqlite;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>Real <c>shelf</c> processes writing sales into one SQLite file at the same moment.</summary>
public sealed class SaleProcessTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task TwoProcesses_RecordingAtTheSameMoment_BothSucceedWithDistinctOrderNumbers()
    {
        var path = (await fixture.NewDatabaseAsync()).FilePath!;
        var added = await ShelfProcess.RunAsync("--db", path, "add", "The Hobbit", "--author", "J.R.R. Tolkien", "--price", "9.99");
        Assert.True(added.ExitCode == 0, added.Error);

        // Hold the write lock while both processes start, so both are waiting to write when it is
        // released and then race for it; each must wait its turn, not fail with "database is locked".
        Task<CliResult[]> both;
        await using (var blocker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await blocker.OpenAsync();
            await using var transaction = blocker.BeginTransaction(deferred: false);
            both = Task.WhenAll(Enumerable.Range(0, 2).Select(_ => ShelfProcess.RunAsync("--db", path, "sale", "add", "--book", "1", "--quantity", "2", "--json")));
            await Task.Delay(TimeSpan.FromSeconds(5));
            await transaction.CommitAsync();
        }

        var results = await both;
        var listed = await ShelfProcess.RunAsync("--db", path, "sale", "list", "--json");

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.All(results, r => Assert.DoesNotContain("locked", r.Error, StringComparison.OrdinalIgnoreCase));
        var numbers = results.Select(r => JsonDocument.Parse(r.Out).RootElement.GetProperty("orderNumber").GetString()).ToList();
        Assert.Equal(2, numbers.Distinct(StringComparer.Ordinal).Count());
        var stored = JsonDocument.Parse(listed.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(numbers.Order(StringComparer.Ordinal), stored.Select(s => s.GetProperty("orderNumber").GetString()).Order(StringComparer.Ordinal));
        Assert.All(stored, s => Assert.Equal(19.98m, s.GetProperty("total").GetDecimal()));
    }
}
