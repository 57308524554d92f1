using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Merging;
using Shelf.Testing;
using static Shelf.Core.Tests.Features.Merging.MergeTestData;

namespace Shelf.Core.Tests.Features.Merging;

/// <summary>FindDuplicates on each database: the same title, near titles, and books that only look alike.</summary>
public abstract class FindDuplicatesTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task FindDuplicates_SameAndNearTitles_GroupsSurestFirstWithWhatDiffers()
    {
        await using var db = await fixture.OpenNewAsync();
        var hobbit = await AddAsync(db, "The Hobbit", ["J.R.R. Tolkien"]);
        var hobbitAgain = await AddAsync(db, "the hobbit!", ["Tolkien, J.R.R.", "Alan Lee"]);
        var dune = await AddAsync(db, "Dune", ["Frank Herbert"]);
        var duneSeries = await AddAsync(db, "Dune (Dune Chronicles, #1)", ["Frank Herbert"]);
        var towers = await AddAsync(db, "The Two Towers", ["J.R.R. Tolkien"]);
        var tower = await AddAsync(db, "The Two Tower", ["J.R.R. Tolkien"]);
        await AddAsync(db, "Emma", ["Jane Austen"]);
        await db.ExecuteAsync($"UPDATE books SET publisher = 'Allen & Unwin' WHERE id = {hobbit}");

        var found = await new FindDuplicates(db).ExecuteAsync(new FindDuplicatesRequest(), default);
        var limited = await new FindDuplicates(db).ExecuteAsync(new FindDuplicatesRequest { Limit = 1 }, default);

        Assert.Equal(3, found.Value.GroupCount);
        var (same, near1, near2) = (found.Value.Groups[0], found.Value.Groups[1], found.Value.Groups[2]);
        Assert.Equal((DuplicateKind.SameTitle, 1.0, "same title and first author"), (same.Kind, same.Score, same.Reason));
        Assert.Equal([hobbit, hobbitAgain], same.Books.Select(b => b.Id));
        Assert.Equal(["Title", "Authors", "Publisher"], same.Differences.Select(d => d.Field));
        Assert.Equal(["Allen & Unwin", null], same.Differences.Single(d => d.Field == "Publisher").Values);
        Assert.Equal((DuplicateKind.SimilarTitle, 0.9), (near1.Kind, near1.Score));
        Assert.Equal([towers, tower], near1.Books.Select(b => b.Id));
        Assert.Contains("1 letter(s) apart", near1.Reason, StringComparison.Ordinal);
        Assert.Equal((DuplicateKind.SimilarTitle, 0.9), (near2.Kind, near2.Score));
        Assert.Equal([dune, duneSeries], near2.Books.Select(b => b.Id));
        Assert.Contains("subtitle, series", near2.Reason, StringComparison.Ordinal);
        Assert.Equal(3, limited.Value.GroupCount);
        Assert.Equal([hobbit, hobbitAgain], Assert.Single(limited.Value.Groups).Books.Select(b => b.Id));
    }

    [Fact]
    public async Task FindDuplicates_BooksThatOnlyLookAlike_NoGroup()
    {
        await using var db = await fixture.OpenNewAsync();
        await AddAsync(db, "Dune", ["Frank Herbert"]);
        await AddAsync(db, "Dune Messiah", ["Frank Herbert"]);
        await AddAsync(db, "Discworld Book 1", ["Terry Pratchett"]);
        await AddAsync(db, "Discworld Book 2", ["Terry Pratchett"]);
        await AddAsync(db, "The Hobbit", ["J.R.R. Tolkien"]);
        await AddAsync(db, "The Hobbit", ["Someone Else"]);
        await AddAsync(db, "Good Omens", ["Terry Pratchett", "Neil Gaiman"]);
        await AddAsync(db, "Good Omens", ["Neil Gaiman", "Terry Pratchett"]);

        var found = await new FindDuplicates(db).ExecuteAsync(new FindDuplicatesRequest(), default);
        var badLimit = await new FindDuplicates(db).ExecuteAsync(new FindDuplicatesRequest { Limit = 0 }, default);

        Assert.Equal(0, found.Value.GroupCount);
        Assert.Empty(found.Value.Groups);
        Assert.Equal((ErrorKind.Invalid, MergeErrorCodes.BadLimit), (badLimit.Error!.Kind, badLimit.Error.Code));
    }

    public sealed class Sqlite(SqliteDatabaseFixture db) : FindDuplicatesTests(db), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture db) : FindDuplicatesTests(db), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture db) : FindDuplicatesTests(db), IClassFixture<MySqlDatabaseFixture>;
}
