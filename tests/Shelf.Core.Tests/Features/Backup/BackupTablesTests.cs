using Microsoft.EntityFrameworkCore;
using Shelf.Core.Features.Backup;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Backup;

/// <summary>The tables a backup carries are the model's, parents first, on every provider's model.</summary>
public sealed class BackupTablesTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [InlineData("mysql")]
    public void From_Model_EveryTableParentsFirstAndEveryColumnCarried(string provider)
    {
        var target = provider switch
        {
            "postgres" => Shelf.Core.Data.DatabaseTarget.Resolve("Host=localhost;Database=unused", _ => null).Value,
            "mysql" => Shelf.Core.Data.DatabaseTarget.Resolve("mysql://root@localhost/unused", _ => null).Value,
            _ => Shelf.Core.Data.DatabaseTarget.Sqlite(TempFiles.NewPath("model", ".db")),
        };
        using var db = TestLibrary.CreateContext(target);

        // Throws for a column of a kind the archive has no form for.
        var tables = BackupTables.From(db.Model);

        var relational = db.Model.GetRelationalModel().Tables.Where(t => !BackupTables.NotCarried.Contains(t.Name)).ToList();
        Assert.Equal(["import_jobs"], BackupTables.NotCarried);
        Assert.Equal(relational.Select(t => t.Name).Order(), tables.Select(t => t.Name).Order());
        foreach (var table in relational)
        {
            var carried = tables.Single(t => t.Name == table.Name);
            Assert.Equal(table.Columns.Select(c => c.Name).Order(), carried.Columns.Select(c => c.Name).Order());
            foreach (var parent in table.ForeignKeyConstraints.Select(fk => fk.PrincipalTable.Name).Where(p => p != table.Name))
            {
                Assert.True(tables.ToList().FindIndex(t => t.Name == parent) < tables.ToList().FindIndex(t => t.Name == table.Name), $"{parent} must come before {table.Name}");
            }
        }
    }
}
