using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Shelf.Core.Data;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary><c>shelf lend</c>, <c>return</c> and <c>loans</c> through the real command tree, on both databases.</summary>
public abstract class LoanCommandsTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task LendShowLoansReturn_OneBook_EachCommandSeesTheLoan()
    {
        var shelf = await NewShelfWithBookAsync();

        var lent = await shelf.RunAsync("lend", "1", "--to", "Anne Dupré", "--for", "2w", "--note", "with the map");
        var shown = await shelf.RunAsync("show", "1");
        var showJson = await shelf.RunAsync("show", "1", "--json");
        var listed = await shelf.RunAsync("loans", "--json");
        var plain = await shelf.RunAsync("loans", "--borrower", "anne dupre");
        var returned = await shelf.RunAsync("return", "1", "--from", "ANNE DUPRE");
        var after = await shelf.RunAsync("loans", "--json");
        var history = await shelf.RunAsync("loans", "--history", "--json");

        Assert.True(lent.ExitCode == 0, lent.Error);
        Assert.StartsWith("Book 1 (The Hobbit) lent to Anne Dupré, due ", lent.Out, StringComparison.Ordinal);
        Assert.Contains("On loan\tAnne Dupré since ", shown.Out, StringComparison.Ordinal);
        Assert.Equal("Anne Dupré", JsonDocument.Parse(showJson.Out).RootElement.GetProperty("loans")[0].GetProperty("borrower").GetString());
        var loan = Assert.Single(JsonDocument.Parse(listed.Out).RootElement.EnumerateArray());
        Assert.Equal("with the map", loan.GetProperty("note").GetString());
        Assert.StartsWith("loan_id\tbook_id\ttitle\tborrower", plain.Out, StringComparison.Ordinal);
        Assert.Contains("\tThe Hobbit\tAnne Dupré\t", plain.Out, StringComparison.Ordinal);
        Assert.True(returned.ExitCode == 0, returned.Error);
        Assert.Equal("[]", after.Out.Trim());
        Assert.Single(JsonDocument.Parse(history.Out).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Lend_FullyOut_Exit4NamingWhoHasIt()
    {
        var shelf = await NewShelfWithBookAsync();
        Assert.Equal(0, (await shelf.RunAsync("lend", "1", "--to", "Anne")).ExitCode);
        var before = await LoansAsync(shelf);

        var refused = await shelf.RunAsync("lend", "1", "--to", "Bob");

        Assert.Equal(4, refused.ExitCode);
        var line = Assert.Single(refused.ErrorLines);
        Assert.Contains("is out to Anne", line, StringComparison.Ordinal);
        Assert.Contains("shelf return", line, StringComparison.Ordinal);
        Assert.Equal(before, await LoansAsync(shelf));
    }

    [Fact]
    public async Task Return_NotOut_Exit3()
    {
        var shelf = await NewShelfWithBookAsync();

        var result = await shelf.RunAsync("return", "1");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("is not lent to anyone", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, "no book with id or ISBN '99'", "99", "--to", "Anne")]
    [InlineData(2, "a loan needs the borrower's name, such as Anne Dupré; name them with --to NAME", "1")]
    [InlineData(2, "give a due date or a loan period, not both; drop --due or --for", "1", "--to", "Anne", "--due", "2099-01-01", "--for", "3w")]
    [InlineData(2, "the due date must be a day such as 2026-12-24, not '24/12/2026'", "1", "--to", "Anne", "--due", "24/12/2026")]
    [InlineData(2, "is before today", "1", "--to", "Anne", "--due", "2001-01-01")]
    [InlineData(2, "a loan period is a number of days, weeks or months", "1", "--to", "Anne", "--for", "three weeks")]
    [InlineData(2, "a loan period is a number of days, weeks or months", "1", "--to", "Anne", "--for", "9999999999999999999d")]
    [InlineData(2, "a borrower's name needs at least one letter", "1", "--to", "!!! ???")]
    public async Task Lend_BadInput_OneLineDocumentedExitCodeNothingWritten(int exitCode, string expected, params string[] args)
    {
        var shelf = await NewShelfWithBookAsync();
        var before = await LoansAsync(shelf);

        var result = await shelf.RunAsync(["lend", .. args]);

        Assert.Equal(exitCode, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(before, await LoansAsync(shelf));
    }

    [Fact]
    public async Task Remove_LentBook_QuestionNamesTheBorrowerAndHistoryKeepsTheTitle()
    {
        var target = await fixture.NewDatabaseAsync();
        var shelf = new CliRunner(CliDatabase.DbArgument(target));
        Assert.Equal(0, (await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("lend", "1", "--to", "Anne")).ExitCode);
        var asking = new CliRunner(shelf.Database) { Terminal = true, Input = "n\n" };

        var declined = await asking.RunAsync("remove", "1");
        var removed = await shelf.RunAsync("remove", "1", "--yes");
        var history = await shelf.RunAsync("loans", "--history", "--json");

        Assert.Contains("(lent to Anne)?", declined.Error, StringComparison.Ordinal);
        Assert.Equal(0, removed.ExitCode);
        var loan = Assert.Single(JsonDocument.Parse(history.Out).RootElement.EnumerateArray());
        Assert.Equal("The Hobbit", loan.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, loan.GetProperty("bookId").ValueKind);
    }

    [Fact]
    public async Task BuiltShelf_TwoProcessesLendingTheLastCopyAtOnce_OneLendsTheOtherExits4()
    {
        var target = await fixture.NewDatabaseAsync();
        var db = CliDatabase.DbArgument(target);
        Assert.Equal(0, (await ShelfProcess.RunAsync("--db", db, "add", "The Hobbit", "--author", "J.R.R. Tolkien")).ExitCode);

        // Hold the book (PostgreSQL: its row; SQLite: the write lock) while both processes start,
        // so both are waiting to lend when it is released and then race for the one copy.
        CliResult[] results;
        if (target.Provider == DatabaseProvider.Postgres)
        {
            await using var blocker = new NpgsqlConnection(target.ConnectionString);
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var hold = new NpgsqlCommand("SELECT id FROM books WHERE id = 1 FOR UPDATE", blocker, transaction))
            {
                await hold.ExecuteNonQueryAsync();
            }

            results = await RaceAsync(db, () => transaction.CommitAsync());
        }
        else
        {
            await using var blocker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target.FilePath, Pooling = false }.ToString());
            await blocker.OpenAsync();
            await using var transaction = blocker.BeginTransaction(deferred: false);
            results = await RaceAsync(db, () => transaction.CommitAsync());
        }

        var loans = await ShelfProcess.RunAsync("--db", db, "loans", "--json");

        Assert.Equal([0, 4], results.Select(r => r.ExitCode).Order());
        Assert.Contains("is out to Borrower ", results.Single(r => r.ExitCode == 4).Error, StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse(loans.Out).RootElement.EnumerateArray());
    }

    private static async Task<CliResult[]> RaceAsync(string db, Func<Task> release)
    {
        var both = Task.WhenAll(Enumerable.Range(1, 2).Select(n => ShelfProcess.RunAsync("--db", db, "lend", "1", "--to", $"Borrower {n}")));
        await Task.Delay(TimeSpan.FromSeconds(5));
        await release();
        return await both;
    }

    private async Task<CliRunner> NewShelfWithBookAsync()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        Assert.Equal(0, (await shelf.RunAsync("add", "The Hobbit", "--author", "J.R.R. Tolkien")).ExitCode);
        return shelf;
    }

    private static async Task<string> LoansAsync(CliRunner shelf)
    {
        var loans = await shelf.RunAsync("loans", "--history", "--json");
        Assert.Equal(0, loans.ExitCode);
        return loans.Out;
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : LoanCommandsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : LoanCommandsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : LoanCommandsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
