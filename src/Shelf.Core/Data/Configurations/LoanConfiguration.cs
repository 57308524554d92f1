using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelf.Core.Domain;

namespace Shelf.Core.Data.Configurations;

internal sealed class LoanConfiguration : IEntityTypeConfiguration<Loan>
{
    public void Configure(EntityTypeBuilder<Loan> builder)
    {
        // The limit of open loans per book needs other rows, so it is a trigger (LoanLimitSql), not a CHECK.
        builder.ToTable("loans", table =>
        {
            table.HasCheckConstraint("ck_loans_book_title_not_blank", "trim(book_title) <> ''");
            table.HasCheckConstraint("ck_loans_returned_after_lent", "returned_at IS NULL OR returned_at >= lent_at");
        });

        builder.HasKey(l => l.Id);
        builder.Property(l => l.BookTitle).IsRequired().HasMaxLength(Book.MaxTitleLength);
        builder.Property(l => l.Note).HasMaxLength(Loan.MaxNoteLength);

        // Open loans are few and read often (the limit, show, lent:yes); a partial index keeps them apart from history.
        builder.HasIndex(l => l.BookId, "ix_loans_open_book_id").HasFilter("returned_at IS NULL");
        builder.HasIndex(l => new { l.BookId, l.LentAt });
        builder.HasIndex(l => new { l.BorrowerId, l.LentAt });

        // Removing a book keeps its loans as history: the row forgets the link and keeps the title.
        builder.HasOne(l => l.Book).WithMany().HasForeignKey(l => l.BookId).OnDelete(DeleteBehavior.SetNull);

        // A borrower with loans stays: the loans are their history.
        builder.HasOne(l => l.Borrower).WithMany(b => b.Loans).HasForeignKey(l => l.BorrowerId).OnDelete(DeleteBehavior.Restrict);
    }
}
