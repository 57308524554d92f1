using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Shelf.Core.Domain;
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

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : BookFieldsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : BookFieldsTests(fixture), IClassFixture<PostgresDatabaseFixture>;
}
