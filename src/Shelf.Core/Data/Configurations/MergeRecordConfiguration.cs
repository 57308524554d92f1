using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelf.Core.Domain;

namespace Shelf.Core.Data.Configurations;

internal sealed class MergeRecordConfiguration : IEntityTypeConfiguration<MergeRecord>
{
    public void Configure(EntityTypeBuilder<MergeRecord> builder)
    {
        builder.ToTable("merge_records", table =>
        {
            table.HasCheckConstraint("ck_merge_records_kind", "kind IN ('book', 'author')");
            table.HasCheckConstraint("ck_merge_records_removed_ids", "removed_ids <> ''");
            table.HasCheckConstraint("ck_merge_records_data_object", "substr(data, 1, 1) = '{'");
            table.HasCheckConstraint("ck_merge_records_undone_after_merged", "undone_at IS NULL OR undone_at >= merged_at");
        });

        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind)
            .HasMaxLength(10)
            .HasConversion(kind => kind.ToString().ToLowerInvariant(), text => Enum.Parse<MergeKind>(text, true));
        builder.Property(m => m.KeptName).IsRequired().HasMaxLength(Book.MaxTitleLength);
        builder.Property(m => m.RemovedIds).IsRequired().HasMaxLength(4000);

        // Whole snapshots, read and written with their record only; never queried inside.
        builder.Property(m => m.Data).IsRequired();

        // No foreign key to the kept row: the record is history and outlives a removed book, as loans and sales do.
        builder.HasIndex(m => m.MergedAt);
    }
}
