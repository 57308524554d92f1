using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelf.Core.Domain;

namespace Shelf.Core.Data.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.ToTable("authors", table =>
        {
            table.HasCheckConstraint("ck_authors_name_not_blank", "trim(name) <> ''");
            table.HasCheckConstraint("ck_authors_name_key_not_blank", "name_key <> ''");
        });

        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).IsRequired().HasMaxLength(AuthorName.MaxLength + 10);
        builder.Property(a => a.SortName).IsRequired().HasMaxLength(AuthorName.MaxLength + 10);
        builder.Property(a => a.FirstName).HasMaxLength(AuthorName.MaxLength);
        builder.Property(a => a.LastName).HasMaxLength(AuthorName.MaxLength);
        builder.Property(a => a.NameKey).IsRequired().HasMaxLength(AuthorName.MaxKeyLength);

        // One row per person: the key folds only what cannot tell two people apart.
        builder.HasIndex(a => a.NameKey).IsUnique();
        builder.HasIndex(a => a.SortName);
    }
}
