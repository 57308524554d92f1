using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelf.Core.Domain;

namespace Shelf.Core.Data.Configurations;

internal sealed class SaleConfiguration : IEntityTypeConfiguration<Sale>
{
    // quantity × price × (10000 − discount) is the exact total in ten-thousandths of a minor unit.
    // The limits on quantity and price keep it inside 64 bits; integer division truncates on both
    // databases, so adding 5000 first rounds half away from zero (every term is >= 0).
    private const string ExactTotal = "quantity * unit_price_minor * (10000 - discount_basis_points)";

    public void Configure(EntityTypeBuilder<Sale> builder)
    {
        // CHECK expressions use only SQL that SQLite and PostgreSQL read alike.
        builder.ToTable("sales", table =>
        {
            table.HasCheckConstraint("ck_sales_order_number_not_blank", "trim(order_number) <> ''");
            table.HasCheckConstraint("ck_sales_book_title_not_blank", "trim(book_title) <> ''");
            table.HasCheckConstraint(
                "ck_sales_kind",
                "(kind = 'sale' AND refund_of_sale_id IS NULL) OR (kind = 'refund' AND refund_of_sale_id IS NOT NULL)");
            table.HasCheckConstraint("ck_sales_quantity", $"quantity > 0 AND quantity <= {SaleMath.MaxQuantity}");
            table.HasCheckConstraint("ck_sales_unit_price", $"unit_price_minor >= 0 AND unit_price_minor <= {Money.MaxMinor}");
            table.HasCheckConstraint("ck_sales_discount", $"discount_basis_points >= 0 AND discount_basis_points < {Discount.Scale}");
            table.HasCheckConstraint("ck_sales_total_not_negative", "total_minor >= 0");

            // A sale's total is exactly the rounded formula. A refund is rounded cumulatively
            // (SaleMath.RefundTotal), so it may differ from its own rounded formula by a cent.
            table.HasCheckConstraint(
                "ck_sales_total",
                $"(kind = 'sale' AND total_minor = ({ExactTotal} + 5000) / 10000) OR "
                + $"(kind = 'refund' AND total_minor * 10000 >= {ExactTotal} - 10000 AND total_minor * 10000 <= {ExactTotal} + 10000)");
            table.HasCheckConstraint(
                "ck_sales_currency",
                "length(currency) = 3 AND ltrim(currency, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') = ''");
        });

        builder.HasKey(s => s.Id);
        builder.Property(s => s.OrderNumber).IsRequired().HasMaxLength(OrderNumber.MaxLength);
        builder.Property(s => s.Kind)
            .HasMaxLength(10)
            .HasConversion(kind => kind.ToString().ToLowerInvariant(), text => Enum.Parse<SaleKind>(text, true));
        builder.Property(s => s.BookTitle).IsRequired().HasMaxLength(Book.MaxTitleLength);
        builder.Property(s => s.BookIsbn13).HasMaxLength(13);
        builder.Property(s => s.BookAuthor).HasMaxLength(500);
        builder.Property(s => s.Currency).IsRequired().HasMaxLength(3);
        builder.Ignore(s => s.Discount);

        builder.HasIndex(s => s.OrderNumber).IsUnique();
        builder.HasIndex(s => s.SoldAt);
        builder.HasIndex(s => s.BookId);
        // Only refunds have the link: a partial index skips every sale row, so bulk imports of
        // sales do not pay for it (SQLite and PostgreSQL both read this WHERE).
        builder.HasIndex(s => s.RefundOfSaleId).HasFilter("refund_of_sale_id IS NOT NULL");

        // Removing a book keeps its sales: the row forgets the link and keeps the snapshot.
        builder.HasOne(s => s.Book).WithMany().HasForeignKey(s => s.BookId).OnDelete(DeleteBehavior.SetNull);

        // A sale with refunds cannot be deleted: the refunds would point at nothing.
        builder.HasOne(s => s.RefundOf).WithMany().HasForeignKey(s => s.RefundOfSaleId).OnDelete(DeleteBehavior.Restrict);
    }
}
