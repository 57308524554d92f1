using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelf.Core.Domain;

namespace Shelf.Core.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users", table =>
        {
            table.HasCheckConstraint("ck_users_name_key_not_blank", "name_key <> ''");
            table.HasCheckConstraint("ck_users_role", "role IN ('viewer', 'editor', 'owner')");
            table.HasCheckConstraint("ck_users_password_hash_not_blank", "password_hash <> ''");
            table.HasCheckConstraint("ck_users_failed_logins", "failed_logins >= 0");
        });
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Name).IsRequired().HasMaxLength(User.MaxNameLength);
        builder.Property(u => u.NameKey).IsRequired().HasMaxLength(User.MaxNameLength);
        builder.HasIndex(u => u.NameKey).IsUnique();
        builder.Property(u => u.Role)
            .HasMaxLength(10)
            .HasConversion(role => role.ToString().ToLowerInvariant(), text => Enum.Parse<UserRole>(text, true));
        builder.Property(u => u.PasswordHash).IsRequired().HasMaxLength(500);
        builder.Property(u => u.SecurityStamp).IsRequired().HasMaxLength(64);
        builder.HasMany(u => u.Tokens).WithOne(t => t.User).HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
