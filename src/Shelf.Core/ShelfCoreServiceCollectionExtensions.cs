using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shelf.Core.Data;
using Shelf.Core.Features.Accounts;
using Shelf.Core.Features.Authors;
using Shelf.Core.Features.Backup;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Database;
using Shelf.Core.Features.ImportJobs;
using Shelf.Core.Features.Loans;
using Shelf.Core.Features.Merging;
using Shelf.Core.Features.Sales;
using Shelf.Core.Features.Search;
using Shelf.Core.Features.Shelves;
using Shelf.Core.Features.Stats;

namespace Shelf.Core;

/// <summary>How a host (the CLI, a web app, a test) composes Shelf's core.</summary>
public static class ShelfCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything a host needs to work on the library at <paramref name="target"/>:
    /// the context factory and the migrator (singletons), one <see cref="ShelfDbContext"/> per
    /// scope (a command, a request), and every use case, scoped so that the use cases of one
    /// scope share its context and transaction.
    /// </summary>
    /// <remarks>
    /// The scope's context is not opened here: a host calls <see cref="ShelfDatabase.PrepareAsync"/>
    /// on it first, which reports an unusable library as an error instead of throwing.
    /// </remarks>
    public static IServiceCollection AddShelfCore(this IServiceCollection services, DatabaseTarget target, Action<ShelfCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(target);
        var options = new ShelfCoreOptions();
        configure?.Invoke(options);

        services.AddSingleton(options);
        services.AddSingleton(options.Import);
        services.AddSingleton(target);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ShelfDbContextFactory>();
        services.AddSingleton<IDbContextFactory<ShelfDbContext>>(provider => provider.GetRequiredService<ShelfDbContextFactory>());
        services.AddSingleton<ShelfMigrator>();
        services.AddSingleton<ShelfDatabase>();
        services.AddScoped(provider => provider.GetRequiredService<ShelfDbContextFactory>().CreateDbContext());
        return services.AddShelfUseCases();
    }

    // Listed rather than found by reflection: a one-shot command should not scan the assembly,
    // and UseCaseRegistrationTests fails when a use case is missing here.
    private static IServiceCollection AddShelfUseCases(this IServiceCollection services) => services
        .AddScoped<AddBook>()
        .AddScoped<GetBook>()
        .AddScoped<ListBooks>()
        .AddScoped<SearchBooks>()
        .AddScoped<EditBook>()
        .AddScoped<RemoveBook>()
        .AddScoped<EditBooks>()
        .AddScoped<RemoveBooks>()
        .AddScoped<ListAuthors>()
        .AddScoped<GetAuthor>()
        .AddScoped<RenameAuthor>()
        .AddScoped<MergeAuthors>()
        .AddScoped<FindDuplicates>()
        .AddScoped<MergeBooks>()
        .AddScoped<ListMerges>()
        .AddScoped<UndoMerge>()
        .AddScoped<ListShelves>()
        .AddScoped<ImportCatalog>()
        .AddScoped<ExportCatalog>()
        .AddScoped<StartImportJob>()
        .AddScoped<RecordImportJob>()
        .AddScoped<FinishImportJob>()
        .AddScoped<GetImportJob>()
        .AddScoped<RecordSale>()
        .AddScoped<GetSale>()
        .AddScoped<ListSales>()
        .AddScoped<EditSale>()
        .AddScoped<RefundSale>()
        .AddScoped<DeleteSale>()
        .AddScoped<ReportSales>()
        .AddScoped<ImportSales>()
        .AddScoped<LendBook>()
        .AddScoped<ReturnBook>()
        .AddScoped<ListLoans>()
        .AddScoped<GetDatabaseStatus>()
        .AddScoped<ListTables>()
        .AddScoped<GetLibraryStats>()
        .AddScoped<BackupLibrary>()
        .AddScoped<InspectBackup>()
        .AddScoped<RestoreLibrary>()
        .AddScoped<AddUser>()
        .AddScoped<ListUsers>()
        .AddScoped<CountOwners>()
        .AddScoped<RemoveUser>()
        .AddScoped<ChangePassword>()
        .AddScoped<ChangeUserRole>()
        .AddScoped<CreateToken>()
        .AddScoped<ListTokens>()
        .AddScoped<RevokeToken>()
        .AddScoped<SignIn>()
        .AddScoped<AuthenticateToken>()
        .AddScoped<CheckSession>();
}
