using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelf.Core.Domain;

namespace Shelf.Core.Data.Configurations;

internal sealed class BookConfiguration : IEntityTypeConfiguration<Book>
{
    public void Configure(EntityTypeBuilder<Book> builder)
    {
        // CHECK expressions use only SQL that SQLite and PostgreSQL read alike (trim, ltrim, length, substr).
        builder.ToTable("books", table =>
        {
            table.HasCheckConstraint("ck_books_title_not_blank", "trim(title) <> ''");
            table.HasCheckConstraint("ck_books_pages_positive", "pages IS NULL OR pages > 0");
            table.HasCheckConstraint(
                "ck_books_isbn13_digits",
                "isbn13 IS NULL OR (length(isbn13) = 13 AND ltrim(isbn13, '0123456789') = '' AND substr(isbn13, 1, 3) IN ('978', '979'))");
            table.HasCheckConstraint("ck_books_rating_range", "rating IS NULL OR (rating >= 1 AND rating <= 5)");
            table.HasCheckConstraint("ck_books_read_count", "read_count >= 0");
            table.HasCheckConstraint("ck_books_owned_copies", "owned_copies IS NULL OR owned_copies >= 0");
            table.HasCheckConstraint(
                "ck_books_list_price",
                "(list_price_minor IS NULL AND list_price_currency IS NULL) OR (list_price_minor >= 0 AND length(list_price_currency) = 3)");

            // The full JSON check differs per database; both can at least refuse anything but an object.
            table.HasCheckConstraint("ck_books_extras_object", "extras IS NULL OR substr(extras, 1, 1) = '{'");
        });

        builder.HasKey(b => b.Id);
        builder.Property(b => b.Title).IsRequired().HasMaxLength(Book.MaxTitleLength);
        builder.Property(b => b.TitleKey).IsRequired().HasMaxLength(Book.MaxTitleLength);
        builder.Property(b => b.Subtitle).HasMaxLength(Book.MaxTitleLength);
        builder.Property(b => b.Isbn13).HasMaxLength(13).IsFixedLength(false);
        builder.Property(b => b.Publisher).HasMaxLength(500);
        builder.Property(b => b.Language).HasMaxLength(50);
        builder.Property(b => b.Format).HasMaxLength(100);
        builder.Property(b => b.Series).HasMaxLength(500);
        builder.Property(b => b.SeriesNumber).HasMaxLength(50);
        builder.Property(b => b.ListPriceCurrency).HasMaxLength(3);
        builder.Property(b => b.Status).HasMaxLength(100);
        builder.Property(b => b.Location).HasMaxLength(500);
        builder.Property(b => b.ReadCount).HasDefaultValue(0);

        builder.HasIndex(b => b.Isbn13).IsUnique();
        builder.HasIndex(b => b.TitleKey);
        builder.HasIndex(b => b.Status);

        // The sort orders of a listing, so a page is read from an index instead of sorting the
        // library. Each ends on the id as the order does: a bulk import stamps a million books with
        // one added_at, and PostgreSQL would otherwise sort all of them to break the tie.
        builder.HasIndex(b => new { b.YearPublished, b.TitleKey, b.Id });
        builder.HasIndex(b => new { b.Pages, b.Id });
        builder.HasIndex(b => new { b.AddedAt, b.Id });

        // `shelf stats` counts books and pages read per month: with the pages beside the date the
        // figures come from this index alone, not from a scan of every book (most have no date read).
        builder.HasIndex(b => new { b.DateRead, b.Pages });
    }
}
