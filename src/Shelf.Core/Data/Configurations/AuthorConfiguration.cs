using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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

        // The database keeps the count (triggers on the credits): EF never writes it, so a tracked
        // author saved after its credits changed cannot put back the number it read.
        builder.Property(a => a.BookCount).HasDefaultValue(0);
        builder.Property(a => a.BookCount).Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property(a => a.BookCount).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);

        // "authors --by-books": the most prolific first, then by name, read one page at a time.
        builder.HasIndex(a => new { a.BookCount, a.SortName, a.Id }).IsDescending(true, false, false);
    }
}
