using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelf.Core.Common;
using Shelf.Core.Domain;

namespace Shelf.Core.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("import_jobs", table =>
        {
            table.HasCheckConstraint("ck_import_jobs_state", "state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')");
            table.HasCheckConstraint("ck_import_jobs_finished", "(finished_at IS NULL) = (state IN ('queued', 'running'))");
            table.HasCheckConstraint("ck_import_jobs_summary", "summary IS NULL OR state = 'succeeded'");
            table.HasCheckConstraint("ck_import_jobs_error", "(error_code IS NULL) = (state IN ('queued', 'running', 'succeeded'))");
            table.HasCheckConstraint("ck_import_jobs_error_kind", "(error_kind IS NULL) = (error_code IS NULL)");
            table.HasCheckConstraint("ck_import_jobs_counts", "file_bytes >= 0 AND rows_read >= 0 AND bytes_read >= 0");
        });

        builder.HasKey(j => j.Id);
        builder.Property(j => j.State)
            .HasMaxLength(10)
            .HasConversion(state => state.ToString().ToLowerInvariant(), text => Enum.Parse<ImportJobState>(text, true));
        builder.Property(j => j.FileName).HasMaxLength(ImportJob.MaxFileNameLength);
        builder.Property(j => j.StartedBy).IsRequired().HasMaxLength(User.MaxNameLength);
        builder.Property(j => j.Runner).IsRequired().HasMaxLength(ImportJob.MaxRunnerLength);
        builder.Property(j => j.RunnerMachine).IsRequired().HasMaxLength(ImportJob.MaxMachineLength);
        builder.Property(j => j.Step).HasMaxLength(20);
        builder.Property(j => j.ErrorKind)
            .HasMaxLength(20)
            .HasConversion(kind => kind!.Value.ToString().ToLowerInvariant(), text => Enum.Parse<ErrorKind>(text, true));
        builder.Property(j => j.ErrorCode).HasMaxLength(ImportJob.MaxErrorCodeLength);
        builder.Property(j => j.ErrorMessage).HasMaxLength(ImportJob.MaxErrorMessageLength);

        // The summary is written once and read whole; never queried inside.
        builder.Property(j => j.Summary);

        // No foreign key to the user: the job is history, and says who by name.
        builder.HasIndex(j => j.CreatedAt);
    }
}
