using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelf.Core.Domain;

namespace Shelf.Core.Data.Configurations;

internal sealed class BookAuthorConfiguration : IEntityTypeConfiguration<BookAuthor>
{
    public void Configure(EntityTypeBuilder<BookAuthor> builder)
    {
        builder.ToTable("book_authors", table =>
        {
            table.HasCheckConstraint("ck_book_authors_position", "position >= 0");
            table.HasCheckConstraint(
                "ck_book_authors_role",
                "role IN ('author', 'editor', 'translator', 'illustrator', 'narrator', 'contributor')");
        });

        // One person may hold two roles on a book (author and illustrator), never the same one twice.
        builder.HasKey(ba => new { ba.BookId, ba.AuthorId, ba.Role });
        builder.HasIndex(ba => new { ba.BookId, ba.Position }).IsUnique();
        builder.HasIndex(ba => ba.AuthorId);

        builder.Property(ba => ba.Role)
            .HasMaxLength(20)
            .HasConversion(role => role.ToString().ToLowerInvariant(), text => Enum.Parse<AuthorRole>(text, true));

        builder.HasOne(ba => ba.Book).WithMany(b => b.Authors).HasForeignKey(ba => ba.BookId).OnDelete(DeleteBehavior.Cascade);

        // Deleting a person who is still credited would silently rewrite books: refuse it.
        builder.HasOne(ba => ba.Author).WithMany(a => a.Books).HasForeignKey(ba => ba.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
