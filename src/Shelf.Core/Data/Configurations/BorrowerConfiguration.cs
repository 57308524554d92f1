using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelf.Core.Domain;

namespace Shelf.Core.Data.Configurations;

internal sealed class BorrowerConfiguration : IEntityTypeConfiguration<Borrower>
{
    public void Configure(EntityTypeBuilder<Borrower> builder)
    {
        builder.ToTable("borrowers", table =>
        {
            table.HasCheckConstraint("ck_borrowers_name_not_blank", "trim(name) <> ''");
            table.HasCheckConstraint("ck_borrowers_name_key_not_blank", "name_key <> ''");
        });

        builder.HasKey(b => b.Id);
        builder.Property(b => b.Name).IsRequired().HasMaxLength(AuthorName.MaxLength + 10);
        builder.Property(b => b.NameKey).IsRequired().HasMaxLength(AuthorName.MaxKeyLength);
        builder.Property(b => b.Contact).HasMaxLength(Borrower.MaxContactLength);

        // One row per person, folded as authors are.
        builder.HasIndex(b => b.NameKey).IsUnique();
    }
}
