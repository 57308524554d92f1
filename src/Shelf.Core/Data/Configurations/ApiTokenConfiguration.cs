using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelf.Core.Domain;

namespace Shelf.Core.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens", table => table.HasCheckConstraint("ck_api_tokens_hash", "length(hash) = 64"));
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Label).HasMaxLength(ApiToken.MaxLabelLength);
        builder.Property(t => t.Prefix).IsRequired().HasMaxLength(20);
        builder.Property(t => t.Hash).IsRequired().HasMaxLength(64);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.UserId);
    }
}
