using ContentHub.Server.Content;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Promotions;

public sealed class PromotionConfiguration : IEntityTypeConfiguration<Promotion>
{
    public void Configure(EntityTypeBuilder<Promotion> promotion)
    {
        promotion.Property(p => p.Key).HasMaxLength(FieldLengths.Key);
        promotion.HasIndex(p => p.Key).IsUnique();
        promotion.Property(p => p.StepLabel).HasMaxLength(FieldLengths.Label);
        promotion.Property(p => p.Heading).HasMaxLength(FieldLengths.Title);
        promotion.Property(p => p.Body).HasMaxLength(FieldLengths.LongText);
        promotion.Property(p => p.ActionUrl).HasMaxLength(FieldLengths.Url);
        promotion.ComplexProperty(p => p.Image, image => ContentConfiguration.ConfigureImage(image, "Image"));
        promotion.HasIndex(p => new { p.Placement, p.SortOrder });
    }
}
