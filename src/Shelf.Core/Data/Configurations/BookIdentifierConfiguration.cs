using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelf.Core.Domain;

namespace Shelf.Core.Data.Configurations;

internal sealed class BookIdentifierConfiguration : IEntityTypeConfiguration<BookIdentifier>
{
    public void Configure(EntityTypeBuilder<BookIdentifier> builder)
    {
        builder.ToTable("book_identifiers", table =>
        {
            table.HasCheckConstraint("ck_book_identifiers_scheme", "scheme <> '' AND scheme = lower(scheme)");
            table.HasCheckConstraint("ck_book_identifiers_value", "trim(value) <> ''");
        });

        builder.HasKey(i => i.Id);
        builder.Property(i => i.Scheme).IsRequired().HasMaxLength(50);
        builder.Property(i => i.Value).IsRequired().HasMaxLength(200);
        builder.HasIndex(i => new { i.Scheme, i.Value }).IsUnique();
        builder.HasIndex(i => i.BookId);
        builder.HasOne(i => i.Book).WithMany(b => b.Identifiers).HasForeignKey(i => i.BookId).OnDelete(DeleteBehavior.Cascade);
    }
}
