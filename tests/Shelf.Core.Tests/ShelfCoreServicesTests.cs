using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Shelf.Core;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Catalog;
using Shelf.Testing;

namespace Shelf.Core.Tests;

/// <summary>The composition root every host uses: what <c>AddShelfCore</c> registers and how often it migrates.</summary>
public sealed class ShelfCoreServicesTests
{
    [Fact]
    public void AddShelfCore_EveryUseCase_ResolvesWithTheScopesContext()
    {
        using var file = new SqliteTestFile();
        using var provider = new ServiceCollection().AddShelfCore(file.Target).BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();

        // A use case is a public class of Features with a public ExecuteAsync.
        var useCases = typeof(ShelfDatabase).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace!.StartsWith("Shelf.Core.Features.", StringComparison.Ordinal))
            .Where(t => t.GetMethod("ExecuteAsync", BindingFlags.Public | BindingFlags.Instance) is not null)
            .ToList();

        Assert.NotEmpty(useCases);
        Assert.All(useCases, t => Assert.True(scope.ServiceProvider.GetService(t) is not null, $"{t.Name} is not registered in AddShelfCore"));
        Assert.Same(scope.ServiceProvider.GetRequiredService<ShelfDbContext>(), scope.ServiceProvider.GetRequiredService<ShelfDbContext>());
    }

    [Fact]
    public void AddShelfCore_TwoScopes_GetTwoContextsFromOneFactory()
    {
        using var file = new SqliteTestFile();
        using var provider = new ServiceCollection().AddShelfCore(file.Target).BuildServiceProvider();
        using var first = provider.CreateScope();
        using var second = provider.CreateScope();

        Assert.NotSame(first.ServiceProvider.GetRequiredService<ShelfDbContext>(), second.ServiceProvider.GetRequiredService<ShelfDbContext>());
        Assert.Same(first.ServiceProvider.GetRequiredService<ShelfMigrator>(), second.ServiceProvider.GetRequiredService<ShelfMigrator>());
    }

    [Fact]
    public void AddShelfCore_ImportOptions_AreTheHostsChoiceAndNoneByDefault()
    {
        using var file = new SqliteTestFile();
        var chosen = new ImportOptions { CollectAfterMatching = true, SortThreads = 2 };
        using var configured = new ServiceCollection().AddShelfCore(file.Target, o => o.Import = chosen).BuildServiceProvider();
        using var plain = new ServiceCollection().AddShelfCore(file.Target).BuildServiceProvider();

        Assert.Same(chosen, configured.GetRequiredService<ImportOptions>());
        var none = plain.GetRequiredService<ImportOptions>();
        Assert.False(none.CollectAfterMatching);
        Assert.Equal(0, none.SortThreads);
    }

    [Fact]
    public async Task PrepareAsync_SecondOpenInTheSameProcess_DoesNotCheckTheSchemaAgain()
    {
        using var file = new SqliteTestFile();
        var database = TestLibrary.Database(file.Target);
        await using (var first = (await database.OpenAsync(CancellationToken.None)).Value)
        {
            // Forget every applied migration: a check would now try to create the tables again and fail.
            await first.ExecuteAsync("DELETE FROM \"__EFMigrationsHistory\"");
        }

        var again = await database.OpenAsync(CancellationToken.None);
        var newProcess = await TestLibrary.Database(file.Target).OpenAsync(CancellationToken.None);

        Assert.True(again.IsSuccess);
        await again.Value.DisposeAsync();
        Assert.Equal(DatabaseErrorCodes.NotALibrary, newProcess.Error?.Code);
    }

    [Fact]
    public async Task PrepareAsync_MigrateOnOpenOff_RefusesALibraryThatLagsAndCreatesNoTables()
    {
        using var file = new SqliteTestFile();

        var opened = await TestLibrary.Database(file.Target, o => o.MigrateOnOpen = false).OpenAsync(CancellationToken.None);

        Assert.False(opened.IsSuccess);
        Assert.Equal(ErrorKind.Unavailable, opened.Error!.Kind);
        Assert.Equal(DatabaseErrorCodes.NeedsMigration, opened.Error.Code);
        await using var db = TestLibrary.CreateContext(file.Target);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM sqlite_master"));
    }

    [Fact]
    public async Task MigrateAsync_NewThenCurrentLibrary_AppliesEveryMigrationOnceThenNone()
    {
        using var file = new SqliteTestFile();

        var first = await TestLibrary.Database(file.Target).MigrateAsync(CancellationToken.None);
        var second = await TestLibrary.Database(file.Target).MigrateAsync(CancellationToken.None);

        await using var db = TestLibrary.CreateContext(file.Target);
        Assert.Equal(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(db.Database).Count(), first.Value);
        Assert.Equal(0, second.Value);
    }
}
