using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelf.Core.Domain;

namespace Shelf.Core.Data.Configurations;

internal sealed class BookTagConfiguration : IEntityTypeConfiguration<BookTag>
{
    public void Configure(EntityTypeBuilder<BookTag> builder)
    {
        builder.ToTable("book_tags");
        builder.HasKey(bt => new { bt.BookId, bt.TagId });
        builder.HasIndex(bt => bt.TagId);
        builder.HasOne(bt => bt.Book).WithMany(b => b.Tags).HasForeignKey(bt => bt.BookId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(bt => bt.Tag).WithMany(t => t.Books).HasForeignKey(bt => bt.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}
