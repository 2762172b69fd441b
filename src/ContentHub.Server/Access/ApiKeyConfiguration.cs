using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Access;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.Property(k => k.KeyId).HasMaxLength(ApiKeyToken.KeyIdLength);
        key.HasIndex(k => k.KeyId).IsUnique();
        key.Property(k => k.Name).HasMaxLength(FieldLengths.Title);
        key.Property(k => k.SecretHash).HasMaxLength(32);
        key.HasOne(k => k.Person).WithMany().HasForeignKey(k => k.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
