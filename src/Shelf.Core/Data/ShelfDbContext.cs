using Microsoft.EntityFrameworkCore;
using Shelf.Core.Domain;

namespace Shelf.Core.Data;

/// <summary>
/// The Shelf model, shared by every database. Each provider has a thin subclass
/// (<see cref="SqliteShelfDb"/>, <see cref="PostgresShelfDb"/>) that owns its migration set.
/// </summary>
/// <remarks>
/// Mapping lives in <c>Configurations/</c>, one class per entity. To change the model, edit the
/// entity and its configuration, then run <c>tools/add-migration.sh &lt;Name&gt;</c>, which
/// scaffolds the migration for both providers; the migration guard tests fail until you do.
/// </remarks>
public abstract class ShelfDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Book> Books => Set<Book>();

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<BookAuthor> BookAuthors => Set<BookAuthor>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<BookTag> BookTags => Set<BookTag>();

    public DbSet<BookIdentifier> BookIdentifiers => Set<BookIdentifier>();

    public DbSet<Sale> Sales => Set<Sale>();

    public DbSet<Borrower> Borrowers => Set<Borrower>();

    public DbSet<Loan> Loans => Set<Loan>();

    public DbSet<MergeRecord> MergeRecords => Set<MergeRecord>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    /// <summary>Which database this context talks to.</summary>
    public abstract DatabaseProvider Provider { get; }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(UnboundedStatements.Instance);

    /// <summary>Stamps books' added/updated times (UTC) so every writer keeps them the same way.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampBooks();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampBooks();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void StampBooks()
    {
        var now = DateTime.UtcNow;
        foreach (var entry in ChangeTracker.Entries<Book>())
        {
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity.AddedAt == default)
                {
                    entry.Entity.AddedAt = now;
                }

                entry.Entity.UpdatedAt = now;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShelfDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored times are UTC; SQLite hands them back as Unspecified, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
