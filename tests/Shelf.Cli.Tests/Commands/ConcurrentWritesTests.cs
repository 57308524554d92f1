using System.Text.Json;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// Several real <c>shelf</c> processes writing one library at the same moment, as a family's
/// scripts or two terminals do: every command must succeed, none may wait out the lock timeout,
/// and every write must be there afterwards.
/// </summary>
public abstract class ConcurrentWritesTests(DatabaseFixture fixture)
{
    private const int Processes = 4;
    private const int EditsEach = 3;

    [Fact]
    public async Task BuiltShelf_SeveralProcessesEditingAtOnce_AllSucceedAndEveryEditLands()
    {
        var target = await fixture.NewDatabaseAsync();
        var db = CliDatabase.DbArgument(target);
        for (var book = 1; book <= Processes; book++)
        {
            Assert.Equal(0, (await ShelfProcess.RunAsync("--db", db, "add", $"Book {book}", "--author", "Someone")).ExitCode);
        }

        // Each process edits its own book again and again, and all of them one shared book, so
        // they contend for the same rows as well as for SQLite's one write lock.
        var results = await Task.WhenAll(Enumerable.Range(1, Processes).Select(async process =>
        {
            var done = new List<CliResult>();
            for (var edit = 1; edit <= EditsEach; edit++)
            {
                done.Add(await ShelfProcess.RunAsync("--db", db, "edit", $"{process}", "--location", $"room {edit}", "--shelf", $"batch {edit}"));
                done.Add(await ShelfProcess.RunAsync("--db", db, "edit", "1", "--add-author", $"Helper {process}-{edit}"));
            }

            return done;
        }));
        var listed = await ShelfProcess.RunAsync("--db", db, "show", "1", "--json");

        Assert.All(results.SelectMany(r => r), r => Assert.True(r.ExitCode == 0, r.Error));
        var credits = JsonDocument.Parse(listed.Out).RootElement.GetProperty("authors").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(1 + (Processes * EditsEach), credits.Count);
        for (var process = 2; process <= Processes; process++)
        {
            var shown = await ShelfProcess.RunAsync("--db", db, "show", $"{process}", "--json");
            var book = JsonDocument.Parse(shown.Out).RootElement;
            Assert.Equal($"room {EditsEach}", book.GetProperty("location").GetString());
            Assert.Equal(EditsEach, book.GetProperty("shelves").GetArrayLength());
        }
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : ConcurrentWritesTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : ConcurrentWritesTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : ConcurrentWritesTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
