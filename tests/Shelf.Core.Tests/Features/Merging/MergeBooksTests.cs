using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Authors;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Merging;
using Shelf.Core.Tests.Features.Sales;
using Shelf.Testing;
using static Shelf.Core.Tests.Features.Merging.MergeTestData;

namespace Shelf.Core.Tests.Features.Merging;

/// <summary>MergeBooks, ListMerges and UndoMerge (of book and author merges) on each database.</summary>
public abstract class MergeBooksTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Merge_TwoBooks_MovesEverythingAndFillsWhatKeepLacks()
    {
        await using var db = await fixture.OpenNewAsync();
        var (keep, other) = await TwoDunesAsync(db);

        var merged = await MergeAsync(db, new MergeBooksRequest(Id(keep), [Id(other)]));

        db.ChangeTracker.Clear();
        Assert.False(await db.Books.AnyAsync(b => b.Id == other));
        var book = await db.Books.Include(b => b.Authors).ThenInclude(a => a.Author).Include(b => b.Tags).ThenInclude(t => t.Tag).Include(b => b.Identifiers).SingleAsync(b => b.Id == keep);
        Assert.Equal(412, book.Pages);
        Assert.Equal("Ace", book.Publisher);
        Assert.Equal("9780441013593", book.Isbn13);
        Assert.Equal(["Frank Herbert", "Brian Herbert"], book.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name));
        Assert.Equal(["favourites", "sf"], book.Tags.Select(t => t.Tag.Name).Order());
        Assert.Equal(["goodreads:1", "librarything:9"], book.Identifiers.Select(i => $"{i.Scheme}:{i.Value}").Order());
        Assert.Equal("""{"goodreads":{"A":"1","B":"2"}}""", book.Extras);
        Assert.Equal([keep], await db.Loans.Select(l => l.BookId!.Value).ToListAsync());
        Assert.Equal([keep], await db.Sales.Select(s => s.BookId!.Value).ToListAsync());
        Assert.Equal((1, 1, 1, 1, 1), (merged.CreditsAdded, merged.ShelvesAdded, merged.IdentifiersMoved, merged.LoansMoved, merged.SalesMoved));
        Assert.Equal(["isbn13", "publisher", "extras"], merged.FieldsTaken);
        var listed = Assert.Single((await new ListMerges(db).ExecuteAsync(default)).Value);
        Assert.Equal((merged.MergeId, MergeKind.Book, keep, (DateTime?)null), (listed.Id, listed.Kind, listed.KeptId, listed.UndoneAt));
        Assert.Equal([other], listed.RemovedIds);
        Assert.Equal(["Dune (Dune Chronicles, #1)"], listed.RemovedNames);
    }

    [Fact]
    public async Task Merge_TakeFromANamedBook_ItsValueWinsOverKeeps()
    {
        await using var db = await fixture.OpenNewAsync();
        var (keep, other) = await TwoDunesAsync(db);

        await MergeAsync(db, new MergeBooksRequest(Id(keep), [Id(other)]) { Take = [$"pages={other}", $"title={other}"] });

        db.ChangeTracker.Clear();
        var book = await db.Books.SingleAsync(b => b.Id == keep);
        Assert.Equal((600, "Dune (Dune Chronicles, #1)", TextKey.Normalize("Dune (Dune Chronicles, #1)")), (book.Pages, book.Title, book.TitleKey));
    }

    [Theory]
    [InlineData(ErrorKind.Invalid, MergeErrorCodes.NothingToMerge, "at least one book to merge")]
    [InlineData(ErrorKind.Invalid, MergeErrorCodes.KeepRepeated, "is the book to keep", "1")]
    [InlineData(ErrorKind.Invalid, MergeErrorCodes.Repeated, "a second time", "2", "2")]
    [InlineData(ErrorKind.NotFound, BookErrorCodes.NotFound, "no book with id or ISBN '99'", "2", "99")]
    [InlineData(ErrorKind.Invalid, MergeErrorCodes.TakeField, "'colour' is not a field a merge can take; use one of title, subtitle,", "2", "take:colour=2")]
    [InlineData(ErrorKind.Invalid, MergeErrorCodes.TakeBook, "take pages from one of 1, 2", "2", "take:pages=3")]
    [InlineData(ErrorKind.Invalid, MergeErrorCodes.TakeSyntax, "should be FIELD=ID", "2", "take:pages")]
    public async Task Merge_BadRequest_RefusedAndNothingChanged(ErrorKind kind, string code, string message, params string[] args)
    {
        await using var db = await fixture.OpenNewAsync();
        var (keep, _) = await TwoDunesAsync(db);
        await AddAsync(db, "Another", ["Someone Else"]);
        var before = await LibraryAsync(db);

        var result = await new MergeBooks(db).ExecuteAsync(
            new MergeBooksRequest(Id(keep), [.. args.Where(a => !a.StartsWith("take:", StringComparison.Ordinal))])
            {
                Take = [.. args.Where(a => a.StartsWith("take:", StringComparison.Ordinal)).Select(a => a[5..])],
            },
            default);

        Assert.Equal((kind, code), (result.Error!.Kind, result.Error.Code));
        Assert.Contains(message, result.Error.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(before, await LibraryAsync(db));
        Assert.Equal(0, await MergeRecordCountAsync(db));
    }

    [Fact]
    public async Task Merge_BothBooksLentOut_ConflictUnlessTheCopiesAreTaken()
    {
        await using var db = await fixture.OpenNewAsync();
        var (keep, other) = await TwoDunesAsync(db);
        await LendAsync(db, keep, "Bob");
        await db.Books.Where(b => b.Id == keep).ExecuteUpdateAsync(s => s.SetProperty(b => b.OwnedCopies, 1));
        await db.Books.Where(b => b.Id == other).ExecuteUpdateAsync(s => s.SetProperty(b => b.OwnedCopies, 2));
        var before = await LibraryAsync(db);

        var refused = await new MergeBooks(db).ExecuteAsync(new MergeBooksRequest(Id(keep), [Id(other)]), default);
        db.ChangeTracker.Clear();
        var unchanged = await LibraryAsync(db);
        var merged = await MergeAsync(db, new MergeBooksRequest(Id(keep), [Id(other)]) { Take = [$"owned_copies={other}"] });

        Assert.Equal((ErrorKind.Conflict, MergeErrorCodes.TooManyLoans), (refused.Error!.Kind, refused.Error.Code));
        Assert.Contains("out to 2 borrowers (Anne, Bob) but has 1 copy", refused.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, unchanged);
        Assert.Equal(1, merged.LoansMoved);
        Assert.Equal(2, await db.Loans.CountAsync(l => l.BookId == keep && l.ReturnedAt == null));
    }

    [Fact]
    public async Task Merge_FailsAtItsLastStep_NothingChanged()
    {
        await using var db = await fixture.OpenNewAsync();
        var (keep, other) = await TwoDunesAsync(db);
        var before = await LibraryAsync(db);

        // The books' removal is the merge's last write but one: a trigger refusing it fails the merge after everything else moved.
        await db.ExecuteAsync(db.Provider switch
        {
            DatabaseProvider.Sqlite => "CREATE TRIGGER test_refuse_delete BEFORE DELETE ON books BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
            DatabaseProvider.Postgres => "CREATE FUNCTION test_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$; "
                + "CREATE TRIGGER test_refuse_delete BEFORE DELETE ON books FOR EACH ROW EXECUTE FUNCTION test_refuse_delete()",
            _ => "CREATE TRIGGER test_refuse_delete BEFORE DELETE ON books FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'",
        });

        var failure = await Record.ExceptionAsync(() => new MergeBooks(db).ExecuteAsync(new MergeBooksRequest(Id(keep), [Id(other)]), default));

        Assert.Contains("refused by the test", failure?.ToString() ?? string.Empty, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(before, await LibraryAsync(db));
        Assert.Equal(0, await MergeRecordCountAsync(db));
    }

    [Fact]
    public async Task Undo_RightAfterTheMerge_RestoresBooksWithTheirIdsAndMovesRowsBack()
    {
        await using var db = await fixture.OpenNewAsync();
        var (keep, other) = await TwoDunesAsync(db);
        var third = await AddAsync(db, "Dune", ["Frank Herbert"], "sf");
        var before = await LibraryAsync(db);
        var merged = await MergeAsync(db, new MergeBooksRequest(Id(keep), [Id(other), Id(third)]) { Take = [$"pages={other}"] });

        var undone = await new UndoMerge(db).ExecuteAsync(merged.MergeId, default);
        var again = await new UndoMerge(db).ExecuteAsync(merged.MergeId, default);

        Assert.True(undone.IsSuccess, undone.Error?.Message);
        Assert.Equal([other, third], undone.Value.RestoredIds);
        db.ChangeTracker.Clear();
        Assert.Equal(before, await LibraryAsync(db));
        Assert.NotNull(Assert.Single((await new ListMerges(db).ExecuteAsync(default)).Value).UndoneAt);
        Assert.Equal((ErrorKind.Conflict, MergeErrorCodes.AlreadyUndone), (again.Error!.Kind, again.Error.Code));
    }

    [Fact]
    public async Task Undo_AfterAnEditOfTheKeptBookOrAMovedLoan_ConflictNamingItAndNothingChanged()
    {
        await using var db = await fixture.OpenNewAsync();
        var (keep, other) = await TwoDunesAsync(db);
        var merged = await MergeAsync(db, new MergeBooksRequest(Id(keep), [Id(other)]));
        var edited = await new EditBook(db).ExecuteAsync(new EditBookRequest(Id(keep)) { Publisher = "Chilton" }, default);
        Assert.True(edited.IsSuccess, edited.Error?.Message);
        await db.Loans.ExecuteUpdateAsync(s => s.SetProperty(l => l.ReturnedAt, DateTime.UtcNow));
        db.ChangeTracker.Clear();
        var before = await LibraryAsync(db);

        var refused = await new UndoMerge(db).ExecuteAsync(merged.MergeId, default);
        var unknown = await new UndoMerge(db).ExecuteAsync(merged.MergeId + 100, default);

        Assert.Equal((ErrorKind.Conflict, MergeErrorCodes.Changed), (refused.Error!.Kind, refused.Error.Code));
        Assert.Contains($"book {keep} changed (publisher, updated_at)", refused.Error.Message, StringComparison.Ordinal);
        Assert.Contains("changed (returned_at)", refused.Error.Message, StringComparison.Ordinal);
        Assert.Equal((ErrorKind.NotFound, MergeErrorCodes.NotFound), (unknown.Error!.Kind, unknown.Error.Code));
        db.ChangeTracker.Clear();
        Assert.Equal(before, await LibraryAsync(db));
        Assert.Null(Assert.Single((await new ListMerges(db).ExecuteAsync(default)).Value).UndoneAt);
    }

    [Fact]
    public async Task AuthorMerge_KeepsARecord_UndoBringsTheAuthorBackWithItsIdAndCredits()
    {
        await using var db = await fixture.OpenNewAsync();
        await AddAsync(db, "Emma", ["J. Austen", "Someone Else"]);
        await AddAsync(db, "Persuasion", ["Jane Austen"]);
        var from = await db.Authors.Where(a => a.Name == "J. Austen").Select(a => a.Id).SingleAsync();
        var before = await LibraryAsync(db);

        var merged = await new MergeAuthors(db).ExecuteAsync("J. Austen", "Jane Austen", default);
        var listed = Assert.Single((await new ListMerges(db).ExecuteAsync(default)).Value);
        var undone = await new UndoMerge(db).ExecuteAsync(merged.Value.MergeId, default);

        Assert.Equal((MergeKind.Author, "Jane Austen"), (listed.Kind, listed.KeptName));
        Assert.Equal(["J. Austen"], listed.RemovedNames);
        Assert.Equal([from], listed.RemovedIds);
        Assert.True(undone.IsSuccess, undone.Error?.Message);
        Assert.Equal([from], undone.Value.RestoredIds);
        db.ChangeTracker.Clear();
        Assert.Equal(before, await LibraryAsync(db));
    }

    [Fact]
    public async Task AuthorMergeUndo_AfterTheKeptAuthorWasRenamed_Conflict()
    {
        await using var db = await fixture.OpenNewAsync();
        await AddAsync(db, "Emma", ["J. Austen"]);
        await AddAsync(db, "Persuasion", ["Jane Austen"]);
        var merged = await new MergeAuthors(db).ExecuteAsync("J. Austen", "Jane Austen", default);
        var renamed = await new RenameAuthor(db).ExecuteAsync("Jane Austen", "Jane Austen (1775-1817)", default);
        Assert.True(renamed.IsSuccess, renamed.Error?.Message);
        db.ChangeTracker.Clear();
        var before = await LibraryAsync(db);

        var refused = await new UndoMerge(db).ExecuteAsync(merged.Value.MergeId, default);

        Assert.Equal(MergeErrorCodes.Changed, refused.Error!.Code);
        Assert.Contains("author", refused.Error.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(before, await LibraryAsync(db));
    }

    /// <summary>
    /// Book 1 "Dune" (412 pages, shelf sf, goodreads:1, extras A) and book 2 "Dune (Dune
    /// Chronicles, #1)" by the same author and another (600 pages, Ace, an ISBN, shelf
    /// favourites, librarything:9, extras B, a sale and an open loan).
    /// </summary>
    private static async Task<(int Keep, int Other)> TwoDunesAsync(ShelfDbContext db)
    {
        var keep = await AddAsync(db, "Dune", ["Frank Herbert"], "sf");
        var other = await AddAsync(db, "Dune (Dune Chronicles, #1)", ["Frank Herbert", "Brian Herbert"], "favourites");
        await db.Books.Where(b => b.Id == keep).ExecuteUpdateAsync(s => s.SetProperty(b => b.Pages, 412).SetProperty(b => b.Extras, """{"goodreads":{"A":"1"}}"""));
        await db.Books.Where(b => b.Id == other).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Pages, 600).SetProperty(b => b.Publisher, "Ace").SetProperty(b => b.Isbn13, "9780441013593")
            .SetProperty(b => b.Extras, """{"goodreads":{"A":"9","B":"2"}}"""));
        await IdentifierAsync(db, keep, "goodreads", "1");
        await IdentifierAsync(db, other, "librarything", "9");
        await SaleTestData.RecordAsync(db, other, 1, "9.99");
        await LendAsync(db, other, "Anne");
        db.ChangeTracker.Clear();
        return (keep, other);
    }

    private static async Task<MergedBooks> MergeAsync(ShelfDbContext db, MergeBooksRequest request)
    {
        var merged = await new MergeBooks(db).ExecuteAsync(request, default);
        Assert.True(merged.IsSuccess, merged.Error?.Message);
        return merged.Value;
    }

    public sealed class Sqlite(SqliteDatabaseFixture db) : MergeBooksTests(db), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture db) : MergeBooksTests(db), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture db) : MergeBooksTests(db), IClassFixture<MySqlDatabaseFixture>;
}
