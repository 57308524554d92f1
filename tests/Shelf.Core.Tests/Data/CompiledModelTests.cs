using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Shelf.Core.Data;
using Shelf.Testing;

namespace Shelf.Core.Tests.Data;

/// <summary>
/// The CLI runs on the compiled models in Data/CompiledModels (they save ~100 ms a command).
/// These fail when a configuration changed and the compiled model was not regenerated with
/// <c>tools/update-compiled-models.sh</c> (which <c>tools/add-migration.sh</c> runs).
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void SqliteCompiledModel_MatchesTheModelBuiltFromConfigurations()
    {
        using var built = new SqliteShelfDb(new DbContextOptionsBuilder<SqliteShelfDb>().UseSqlite("Data Source=:memory:").Options);
        using var compiled = TestLibrary.CreateContext(DatabaseTarget.Sqlite(Path.Combine(Path.GetTempPath(), "never-opened.db")));

        AssertSameSchema(built.Model, compiled.Model);
    }

    [Fact]
    public void PostgresCompiledModel_MatchesTheModelBuiltFromConfigurations()
    {
        const string NeverOpened = "Host=127.0.0.1;Port=1;Database=never_opened";
        using var built = new PostgresShelfDb(new DbContextOptionsBuilder<PostgresShelfDb>().UseNpgsql(NeverOpened).Options);
        using var compiled = TestLibrary.CreateContext(DatabaseTarget.Resolve(NeverOpened, _ => null).Value);

        AssertSameSchema(built.Model, compiled.Model);
    }

    [Fact]
    public void MySqlCompiledModel_MatchesTheModelBuiltFromConfigurations()
    {
        const string NeverOpened = "mysql:Server=127.0.0.1;Port=1;Database=never_opened;Uid=shelf";
        using var built = new MySqlShelfDb(new DbContextOptionsBuilder<MySqlShelfDb>().UseMySQL(NeverOpened["mysql:".Length..]).Options);
        using var compiled = TestLibrary.CreateContext(DatabaseTarget.Resolve(NeverOpened, _ => null).Value);

        Assert.Equal(DatabaseProvider.MySql, compiled.Provider);
        AssertSameSchema(built.Model, compiled.Model);
    }

    private static void AssertSameSchema(IModel built, IModel compiled)
    {
        Assert.NotSame(built, compiled);
        var expected = Describe(built);
        Assert.Contains(expected, line => line.StartsWith("column books.isbn13", StringComparison.Ordinal));
        Assert.Equal(expected, Describe(compiled));
    }

    // What the database sees of a model: tables, columns, keys, indexes and foreign keys.
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            lines.AddRange(table.Columns.Select(c => $"column {table.Name}.{c.Name} {c.StoreType} null={c.IsNullable}"));
            if (table.PrimaryKey is { } key)
            {
                lines.Add($"key {table.Name} {key.Name} ({string.Join(',', key.Columns.Select(c => c.Name))})");
            }

            lines.AddRange(table.Indexes.Select(i => $"index {table.Name} {i.Name} unique={i.IsUnique} ({string.Join(',', i.Columns.Select(c => c.Name))}) {i.Filter}"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f =>
                $"fk {table.Name} {f.Name} ({string.Join(',', f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} {f.OnDeleteAction}"));
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }
}
