using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Catalog;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// Fails when a column was added to (or taken from) <c>books</c> without its row in
/// <see cref="BookFields"/>: the bulk writers would leave it out, the export would lose it.
/// </summary>
public abstract class BookFieldsTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Columns_ComparedWithTheEfModel_SameColumnsOfBooks()
    {
        await using var db = await fixture.OpenNewAsync();
        var book = db.Model.FindEntityType(typeof(Book))!;
        var table = StoreObjectIdentifier.Table(book.GetTableName()!, book.GetSchema());

        var modelColumns = book.GetProperties().Select(p => p.GetColumnName(table)).Order(StringComparer.Ordinal).ToList();
        var tableColumns = BookFields.Columns.Select(f => f.Column).Order(StringComparer.Ordinal).ToList();

        Assert.Equal("books", table.Name);
        Assert.Equal(modelColumns, tableColumns);
    }

    [Fact]
    public void All_EachColumnAndLabelOnce()
    {
        Assert.Equal(BookFields.Columns.Length, BookFields.Columns.Select(f => f.Column).Distinct().Count());
        Assert.Equal(BookFields.Exported.Length, BookFields.Exported.Select(f => f.Label).Distinct().Count());
        Assert.All(BookFields.Compared, f => Assert.NotEqual(CatalogField.None, f.Field));
    }

    [Fact]
    public void Exported_EveryColumnOfTheExport_IsReadBackByItsField()
    {
        Assert.All(BookFields.Exported, f => Assert.NotNull(f.ReadBack));
        Assert.All(BookFields.All.Except(BookFields.Exported), f => Assert.Null(f.ReadBack));
    }

    [Fact]
    public void Inserted_OneBookInsert_GivesEveryColumnButTheId()
    {
        var book = new Book { Extras = "{}", AddedAt = DateTime.UnixEpoch, UpdatedAt = DateTime.UnixEpoch };

        Assert.Equal(BookFields.Columns.Except([BookFields.Id]), BookFields.Inserted);
        Assert.All(BookFields.Inserted, f => _ = f.Value(book));
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : BookFieldsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : BookFieldsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : BookFieldsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}

/// <summary>
/// The book-field table's lines (what <c>show</c> prints in every host) and JSON keys: a field
/// that has a value gets its line and its key without a host naming it.
/// </summary>
public sealed class BookFieldOutputTests
{
    [Fact]
    public void ShownInOrder_EveryFieldWithALineOnceAndNoOther()
    {
        var withLines = BookFields.All.Where(f => f.Shown is not null || f.LinesAs is not null).ToList();

        Assert.Equal(BookFields.ShownInOrder.Length, BookFields.ShownInOrder.Distinct().Count());
        Assert.Equal(withLines.ToHashSet(), BookFields.ShownInOrder.ToHashSet());
    }

    [Fact]
    public void LinesOf_BookWithEveryField_ALineForEachShownFieldInOrder()
    {
        var book = FullBook();

        var lines = BookFields.LinesOf(book);

        Assert.All(BookFields.ShownInOrder, f => Assert.NotEmpty(f.Lines(book)));
        Assert.Equal(
            ["Id", "Title", "Subtitle", "Authors", "Pages", "ISBN-13", "ISBN-10", "Year", "Publisher", "First published", "Language",
             "Format", "Series", "Description", "Status", "Rating", "List price", "Shelves", "Started", "Read", "Times read",
             "Copies owned", "Location", "Review", "Private notes", "Ids", "Added", "Updated", "goodreads: Spoiler"],
            lines.Select(l => l.Label));
        Assert.Contains(new BookLine("Authors", "Ursula K. Le Guin, Anne Translator (translator)"), lines);
        Assert.Contains(new BookLine("Series", "Earthsea #2"), lines);
        Assert.Contains(new BookLine("Rating", "★★★★☆ (4/5)"), lines);
        Assert.Contains(new BookLine("List price", "9.99 EUR"), lines);
        Assert.Contains(new BookLine("ISBN-10", "0441013597"), lines);
    }

    [Fact]
    public void LinesOf_BookWithOnlyATitle_OnlyWhatItHas()
    {
        var book = new Book { Id = 7, AddedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), UpdatedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) };
        book.SetTitle("Alone");

        var lines = BookFields.LinesOf(book);

        Assert.Equal(["Id", "Title", "Added", "Updated"], lines.Select(l => l.Label));
        Assert.Equal("2026-01-02 03:04 UTC", lines[^1].Value);
    }

    [Fact]
    public async Task JsonExport_BookWithEveryField_AKeyForEveryJsonNameInTableOrder()
    {
        using var output = new MemoryStream();
        await using (var exporter = new Shelf.Core.Features.Catalog.Export.JsonExporter(output))
        {
            await exporter.BeginAsync(CancellationToken.None);
            await exporter.WriteAsync(FullBook(), [], CancellationToken.None);
            await exporter.EndAsync(CancellationToken.None);
        }

        using var json = System.Text.Json.JsonDocument.Parse(output.ToArray());
        var keys = json.RootElement[0].EnumerateObject().Select(p => p.Name).ToList();

        Assert.All(BookFields.All.Where(f => f.JsonName is not null), f => Assert.Contains(f.JsonName!, keys));
        Assert.Equal(
            ["id", "title", "subtitle", "credits", "isbn13", "isbn10", "publisher", "yearPublished", "originalPublicationYear", "language",
             "format", "pages", "series", "seriesNumber", "description", "listPriceMinor", "listPriceCurrency", "rating", "status",
             "dateStarted", "dateRead", "readCount", "review", "privateNotes", "ownedCopies", "location", "shelves", "identifiers",
             "addedAt", "updatedAt", "extras", "loans"],
            keys);
        Assert.Equal(999, json.RootElement[0].GetProperty("listPriceMinor").GetInt64());
        Assert.Equal("Spoiler", json.RootElement[0].GetProperty("extras").GetProperty("goodreads").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task JsonExport_BookWithoutAPrice_LeavesThePriceOut()
    {
        var book = FullBook();
        book.ListPriceMinor = null;
        book.ListPriceCurrency = null;
        using var output = new MemoryStream();
        await using (var exporter = new Shelf.Core.Features.Catalog.Export.JsonExporter(output))
        {
            await exporter.BeginAsync(CancellationToken.None);
            await exporter.WriteAsync(book, [], CancellationToken.None);
            await exporter.EndAsync(CancellationToken.None);
        }

        using var json = System.Text.Json.JsonDocument.Parse(output.ToArray());

        Assert.False(json.RootElement[0].TryGetProperty("listPriceMinor", out _));
        Assert.False(json.RootElement[0].TryGetProperty("listPriceCurrency", out _));
        Assert.Equal("Hall, top shelf", json.RootElement[0].GetProperty("location").GetString());
    }

    private static Book FullBook()
    {
        var book = new Book
        {
            Id = 12,
            Subtitle = "A Novel",
            Pages = 180,
            Isbn13 = "9780441013593",
            Publisher = "Ace",
            YearPublished = 2004,
            OriginalPublicationYear = 1970,
            Language = "en",
            Format = "Paperback",
            Series = "Earthsea",
            SeriesNumber = "2",
            Description = "Tenar, the priestess.",
            ListPriceMinor = 999,
            ListPriceCurrency = "EUR",
            Rating = 4,
            Status = "read",
            DateStarted = new DateOnly(2025, 3, 1),
            DateRead = new DateOnly(2025, 3, 9),
            ReadCount = 2,
            Review = "Quiet and deep.",
            PrivateNotes = "Gift from Ana.",
            OwnedCopies = 1,
            Location = "Hall, top shelf",
            AddedAt = new DateTime(2025, 2, 1, 8, 0, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2025, 3, 9, 20, 0, 0, DateTimeKind.Utc),
            Extras = """{"goodreads":{"Spoiler":"false"}}""",
        };
        book.SetTitle("The Tombs of Atuan");
        book.Authors =
        [
            new BookAuthor { Position = 0, Role = AuthorRole.Author, Author = new Author { Id = 1, Name = "Ursula K. Le Guin", SortName = "Le Guin, Ursula K." } },
            new BookAuthor { Position = 1, Role = AuthorRole.Translator, Author = new Author { Id = 2, Name = "Anne Translator", SortName = "Translator, Anne" } },
        ];
        book.Tags = [new BookTag { Tag = new Tag { Name = "Fantasy", NameKey = "fantasy" } }];
        book.Identifiers = [new BookIdentifier { Scheme = "goodreads", Value = "13931" }];
        return book;
    }
}
