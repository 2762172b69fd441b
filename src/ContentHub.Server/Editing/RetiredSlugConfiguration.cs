using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Editing;

public sealed class RetiredSlugConfiguration : IEntityTypeConfiguration<RetiredSlug>
{
    public void Configure(EntityTypeBuilder<RetiredSlug> slug)
    {
        slug.Property(s => s.ContentType).HasMaxLength(FieldLengths.Label);
        slug.Property(s => s.Slug).HasMaxLength(FieldLengths.Slug);
        slug.HasIndex(s => new { s.ContentType, s.Slug }).IsUnique();
    }
}
