using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Access;

public sealed class IssuedPreviewTokenConfiguration : IEntityTypeConfiguration<IssuedPreviewToken>
{
    public void Configure(EntityTypeBuilder<IssuedPreviewToken> token)
    {
        token.Property(t => t.ContentType).HasMaxLength(FieldLengths.Label);
        token.Property(t => t.IssuedBy).HasMaxLength(FieldLengths.Title);
        token.HasIndex(t => t.ExpiresAt);
    }
}
